package dev.vedns.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --probe-type} and {@code --probe-port}: a server's own probe, when the configured default does not fit. */
final class ProbeOptions {

    @Option(names = "--probe-type", description = "How the health probes look at the server: postgres, tcp or none"
            + " (default: as configured, postgres).")
    String type;

    @Option(names = "--probe-port", description = "The port to probe (default: vedns.health.postgres.port).")
    Integer port;

    /** Puts the probe the options name into a server's body; with neither option, {@code current} (or none). */
    void into(Map<String, Object> body, Object current) {
        if (type == null && port == null) {
            if (current != null) {
                body.put("probe", current);
            }
            return;
        }
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("type", type != null ? type : current instanceof Map<?, ?> known ? known.get("type") : "postgres");
        if (port != null) {
            probe.put("port", port);
        }
        body.put("probe", probe);
    }
}

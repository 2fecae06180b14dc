package dev.vedns.api.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real secondary DNS server from Debian (NSD's {@code nsd} or BIND's {@code named}) as an ordinary process on a
 * loopback port, transferring one zone from vedns with a TSIG key and taking its NOTIFY. (Knot has its own
 * {@link KnotServer}, which also serves as a primary.)
 */
final class Secondary implements AutoCloseable {

    private final Process process;
    private final Path log;
    final String name;
    final int port;

    private Secondary(String name, int port, Path log, List<String> command) throws IOException {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** NSD, transferring by AXFR over TCP as it asks. */
    static Secondary nsd(int port, Path directory, String zone, int primaryPort, String key, String secret)
            throws IOException {
        Files.createDirectories(directory);
        Path config = directory.resolve("nsd.conf");
        Files.writeString(config, "server:\n"
                + "  ip-address: 127.0.0.1@" + port + "\n"
                + "  zonesdir: \"" + directory + "\"\n"
                + "  pidfile: \"" + directory.resolve("nsd.pid") + "\"\n"
                + "  xfrdfile: \"" + directory.resolve("xfrd.state") + "\"\n"
                + "  zonelistfile: \"" + directory.resolve("zone.list") + "\"\n"
                + "  database: \"\"\n  username: \"\"\n  chroot: \"\"\n  server-count: 1\n  verbosity: 2\n"
                + "  minimal-responses: yes\n  rrl-ratelimit: 0\n  xfrd-reload-timeout: 0\n"
                + "remote-control:\n  control-enable: no\n"
                + "key:\n  name: \"" + key + "\"\n  algorithm: hmac-sha256\n  secret: \"" + secret + "\"\n"
                + "zone:\n  name: \"" + zone + "\"\n  zonefile: \"secondary.zone\"\n"
                + "  request-xfr: AXFR 127.0.0.1@" + primaryPort + " " + key + "\n"
                + "  allow-notify: 127.0.0.1 " + key + "\n");
        Path log = directory.resolve("nsd.log");
        Files.writeString(log, "");
        return new Secondary("nsd", port, log, List.of("/usr/sbin/nsd", "-d", "-c", config.toString()));
    }

    /** BIND 9's named as a secondary. */
    static Secondary bind(int port, Path directory, String zone, int primaryPort, String key, String secret)
            throws IOException {
        Files.createDirectories(directory);
        Path config = directory.resolve("named.conf");
        Files.writeString(config, "options {\n  directory \"" + directory + "\";\n"
                + "  listen-on port " + port + " { 127.0.0.1; };\n  listen-on-v6 { none; };\n"
                + "  pid-file \"" + directory.resolve("named.pid") + "\";\n  recursion no;\n  notify no;\n"
                + "  minimal-responses yes;\n  no-case-compress { any; };\n  serial-query-rate 1000;\n"
                + "  dnssec-validation no;\n};\n"
                + "controls { };\n"
                + "key \"" + key + "\" { algorithm hmac-sha256; secret \"" + secret + "\"; };\n"
                + "zone \"" + zone + "\" {\n  type secondary;\n"
                + "  primaries { 127.0.0.1 port " + primaryPort + " key \"" + key + "\"; };\n"
                + "  file \"" + directory.resolve("secondary.zone") + "\";\n  allow-notify { 127.0.0.1; };\n"
                + "  allow-transfer { key \"" + key + "\"; };\n};\n");
        Path log = directory.resolve("named.log");
        Files.writeString(log, "");
        return new Secondary("bind", port, log, List.of("/usr/sbin/named", "-g", "-c", config.toString()));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package dev.vedns.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A whole vedns started in this JVM with settings of the test's choosing (a data directory, a zone). */
final class RunningApp implements AutoCloseable {

    private final EmbeddedServer server;

    RunningApp(Path dataDir, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("vedns.data-dir", dataDir.toString());
        server = ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    RunningApp(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** Where the admin API listens: http, or https with vedns.tls set. */
    String url() {
        return server.getURL().toString();
    }

    VednsUnderTest vedns() {
        return server.getApplicationContext().getBean(VednsUnderTest.class);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code vedns.auth.enabled=false}: the open API of local development, said so at every start, changes anonymous. */
class AuthenticationOffTest {

    @TempDir
    Path directory;

    @Test
    void theApiIsOpenEveryChangeIsAnonymousAndTheStartWarns() {
        Logger vedns = (Logger) LoggerFactory.getLogger("vedns");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        vedns.addAppender(log);
        try (RunningApp app = new RunningApp(directory.resolve("data"), Map.of("vedns.auth.enabled", "false"))) {
            assertFalse(Files.exists(directory.resolve("data/admin.token")), "no token is issued with authentication off");
            Api open = app.vedns().api().as(null);
            expect(201, open.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) expect(200, open.get("/api/v1/events")).json()
                    .get("events");
            assertEquals(List.of("anonymous"), events.stream().map(event -> event.get("actor")).toList());
            assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().startsWith(
                    "vedns.auth.enabled=false: the admin API takes changes from anyone")), log.list.toString());
        } finally {
            vedns.detachAppender(log);
        }
    }
}

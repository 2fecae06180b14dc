package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code vedns.health.enabled}, every server shows its health: here a server whose PostgreSQL port refuses
 * connections turns Unhealthy after {@code fall} probes, with the reason. (A real primary and replica are
 * probed in dns-server's ProberTest.)
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerHealthApiTest implements TestPropertyProvider {

    @Inject
    VednsUnderTest vedns;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("vedns.health.enabled", "true", "vedns.health.interval", "100ms", "vedns.health.timeout", "500ms",
                "vedns.health.postgres.port", Integer.toString(closedPort()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServerThatRefusesItsProbesTurnsUnhealthyWithTheReason() throws Exception {
        Api api = vedns.api();
        expect(201, api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"127.0.0.1\"]}"));
        Map<String, Object> health = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            health = (Map<String, Object>) expect(200, api.get("/api/v1/servers/pg-main")).json().get("health");
            if (health != null && "Unhealthy".equals(health.get("state"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertNotNull(health, "no health shown while the probes run");
        assertEquals("Unhealthy", health.get("state"), health.toString());
        assertEquals("Unknown", health.get("observedRole"));
        assertNotNull(health.get("checkedAt"));
        assertTrue(String.valueOf(health.get("detail")).contains("127.0.0.1"), health.toString());
        String metrics = expect(200, api.get("/metrics")).body();
        assertTrue(metrics.contains("vedns_server_up{server=\"pg-main\"} 0.0"), metrics);
        assertTrue(metrics.contains("vedns_probe_seconds{server=\"pg-main\"}"), metrics);
        // An exported state, health and all, imports as it is.
        expect(200, api.put("/api/v1/state", expect(200, api.get("/api/v1/state")).body()));
    }

    @Test
    void aPlannedSwitchoverToAnUnhealthyReplicaIsRefusedWithTheReasonAndAForcedOneIsNot() throws Exception {
        Api api = vedns.api();
        api.replicationSet("pg-down", "127.0.0.1", "pg-down-replica", List.of("127.0.0.1"), "downdb");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"Unhealthy".equals(state(api, "pg-down-replica")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Api.Reply planned = expect(409, api.post("/api/v1/servers/pg-down-replica/promote",
                "{\"promoteOption\":\"Planned\"}"));
        assertEquals("application/problem+json", planned.contentType());
        assertTrue(String.valueOf(planned.json().get("detail")).contains("A Planned switchover to 'pg-down-replica' is"
                + " refused: 'pg-down-replica' is Unhealthy"), planned.body());
        expect(200, api.post("/api/v1/servers/pg-down-replica/promote", "{\"promoteOption\":\"Forced\"}"));
    }

    private static String state(Api api, String server) {
        Object health = expect(200, api.get("/api/v1/servers/" + server)).json().get("health");
        return health == null ? null : String.valueOf(((Map<?, ?>) health).get("state"));
    }

    /** A loopback port nothing listens on: taken for a moment, then let go. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

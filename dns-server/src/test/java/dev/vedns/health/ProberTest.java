package dev.vedns.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The schedule of probes over a fleet's servers: a real primary on 127.0.0.2 and its replica on 127.0.0.3, on one
 * port as in production; health moves only after rise or fall probes in a row, and a replica's lag is measured
 * against its own primary.
 */
class ProberTest {

    /** Rise 2, fall 2, as the defaults; PostgreSQL on {@code port} of every server's address. */
    private static ProbeSettings settings(int port) {
        return new ProbeSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 2, port,
                new PostgresLogin("postgres", PostgresServer.MONITOR, PostgresServer.MONITOR_PASSWORD, "disable"),
                16 << 20, 1 << 20);
    }

    @Test
    void serversTurnHealthyAndUnhealthyByRiseAndFall() throws Exception {
        int port = PostgresServer.freePort();
        try (PostgresServer primary = PostgresServer.primary("127.0.0.2", port);
             PostgresServer replica = primary.replica("127.0.0.3", port)) {
            Fleet fleet = new Fleet().primary("pg-a", "127.0.0.2").replica("pg-b", "pg-a", "127.0.0.3");
            try (Prober prober = new Prober(fleet.engine()::table, settings(port), Clock.systemUTC(), round -> { })) {
                prober.round();
                assertEquals(HealthState.Unknown, state(prober, "pg-a"), "one good probe is not yet rise");
                prober.round();
                assertEquals(HealthState.Healthy, state(prober, "pg-a"));
                assertEquals(HealthState.Healthy, state(prober, "pg-b"));
                assertEquals(ObservedRole.Primary, prober.health().get("pg-a").health().last().role());
                assertEquals(ObservedRole.Replica, prober.health().get("pg-b").health().last().role());
                assertTrue(prober.health().get("pg-b").replayLagBytes() >= 0);
                assertEquals(-1, prober.health().get("pg-a").replayLagBytes(), "a primary lags nobody");

                replica.stop();
                prober.round();
                assertEquals(HealthState.Healthy, state(prober, "pg-b"), "one failed probe is not yet fall");
                prober.round();
                assertEquals(HealthState.Unhealthy, state(prober, "pg-b"));
                assertEquals(HealthState.Healthy, state(prober, "pg-a"));

                replica.start();
                prober.round();
                assertEquals(HealthState.Unhealthy, state(prober, "pg-b"));
                prober.round();
                assertEquals(HealthState.Healthy, state(prober, "pg-b"));
            }
        }
    }

    @Test
    void theScheduleProbesOnItsOwnAndStopsWhenClosed() throws Exception {
        int port = PostgresServer.freePort();
        try (PostgresServer primary = PostgresServer.primary("127.0.0.2", port)) {
            Fleet fleet = new Fleet().primary("pg-a", "127.0.0.2");
            Prober prober = new Prober(fleet.engine()::table, settings(port), Clock.systemUTC(), round -> { });
            prober.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (state(prober, "pg-a") != HealthState.Healthy && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            prober.close();
            assertEquals(HealthState.Healthy, state(prober, "pg-a"));
        }
    }

    private static HealthState state(Prober prober, String server) {
        Prober.Health health = prober.health().get(server);
        return health == null ? HealthState.Unknown : health.health().state();
    }
}

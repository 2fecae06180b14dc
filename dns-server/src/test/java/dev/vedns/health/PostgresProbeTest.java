package dev.vedns.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The probe against a real primary and its streaming replica: their roles, timelines and WAL positions, the
 * replica's lag while its replay is paused, a stopped server, and a promotion seen on the next timeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresProbeTest {

    private static final PostgresLogin LOGIN = new PostgresLogin("postgres", PostgresServer.MONITOR,
            PostgresServer.MONITOR_PASSWORD, "disable");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static PostgresServer primary;
    private static PostgresServer replica;
    private static PostgresProbe primaryProbe;
    private static PostgresProbe replicaProbe;

    @BeforeAll
    static void startPrimaryAndReplica() throws Exception {
        primary = PostgresServer.primary();
        replica = primary.replica();
        primaryProbe = new PostgresProbe("127.0.0.1", primary.port, LOGIN, TIMEOUT, Clock.systemUTC());
        replicaProbe = new PostgresProbe("127.0.0.1", replica.port, LOGIN, TIMEOUT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        primaryProbe.close();
        replicaProbe.close();
        try {
            replica.close();
        } finally {
            primary.close();
        }
    }

    @Test
    @Order(1)
    void aPrimaryAndAReplicaAreToldApartOnOneTimeline() {
        Observation onPrimary = primaryProbe.probe();
        Observation onReplica = replicaProbe.probe();
        assertTrue(onPrimary.reachable(), onPrimary.detail());
        assertEquals(ObservedRole.Primary, onPrimary.role(), onPrimary.detail());
        assertEquals(1, onPrimary.timeline());
        assertTrue(onReplica.reachable(), onReplica.detail());
        assertEquals(ObservedRole.Replica, onReplica.role(), onReplica.detail());
        assertEquals(1, onReplica.timeline());
        assertTrue(Observation.lagBytes(onPrimary, onReplica) >= 0);
    }

    @Test
    @Order(2)
    void aReplicaWhoseReplayIsPausedFallsBehindByWhatThePrimaryWrote() throws Exception {
        replica.sql("select pg_wal_replay_pause()");
        primary.sql("create table ballast as select repeat('x', 1000) as filler from generate_series(1, 20000)");
        long lag = Observation.lagBytes(primaryProbe.probe(), replicaProbe.probe());
        assertTrue(lag > 16 * 1024 * 1024, "lag " + lag + " bytes after ~20 MB written with replay paused");
        replica.sql("select pg_wal_replay_resume()");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Observation.lagBytes(primaryProbe.probe(), replicaProbe.probe()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, Observation.lagBytes(primaryProbe.probe(), replicaProbe.probe()), "the replica caught up");
    }

    @Test
    @Order(3)
    void aStoppedServerIsUnreachableWithinTheTimeoutAndReachableOnceStarted() throws Exception {
        replica.stop();
        long started = System.nanoTime();
        Observation stopped = replicaProbe.probe();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(stopped.reachable());
        assertEquals(ObservedRole.Unknown, stopped.role());
        assertTrue(millis < 5_000, "a probe of a stopped server took " + millis + " ms");
        assertFalse(new TcpProbe("127.0.0.1", replica.port, TIMEOUT, Clock.systemUTC()).probe().reachable());
        replica.start();
        assertEquals(ObservedRole.Replica, replicaProbe.probe().role(), "the probe connects again by itself");
        assertTrue(new TcpProbe("127.0.0.1", replica.port, TIMEOUT, Clock.systemUTC()).probe().reachable());
    }

    @Test
    @Order(4)
    void aPromotedReplicaIsSeenAsPrimaryOnTheNextTimeline() throws Exception {
        replica.promote();
        Observation promoted = replicaProbe.probe();
        assertEquals(ObservedRole.Primary, promoted.role(), promoted.detail());
        assertEquals(2, promoted.timeline(), promoted.detail());
        assertEquals(1, primaryProbe.probe().timeline(), "the old primary still writes timeline 1");
    }

    @Test
    @Order(5)
    void aWrongPasswordIsUnreachableWithTheReasonAndNoSecret() {
        PostgresProbe wrong = new PostgresProbe("127.0.0.1", primary.port,
                new PostgresLogin("postgres", PostgresServer.MONITOR, "not-the-password", "disable"), TIMEOUT,
                Clock.systemUTC());
        Observation refused = wrong.probe();
        wrong.close();
        assertFalse(refused.reachable());
        assertTrue(refused.detail().contains("password authentication failed"), refused.detail());
        assertFalse(refused.detail().contains("not-the-password"), refused.detail());
    }
}

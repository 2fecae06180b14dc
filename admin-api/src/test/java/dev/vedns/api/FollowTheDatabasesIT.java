package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.health.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The names follow what the databases really are, seen by the clients users run. Inside a network namespace the
 * test creates: vedns on 127.0.0.1:53 (the namespace's resolver), a PostgreSQL primary pg-a on 127.0.0.2:5432 and
 * its streaming replica pg-b on 127.0.0.3:5432; psql, a JDBC program, curl and dig run inside too. Probes every
 * 1 s, rise 2, fall 2: a move is due within fall x interval + 1 s = 3 s. Each test starts a fresh pair of
 * databases and imports the same state (pair app, reader on pg-b). Measured times are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowTheDatabasesIT {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int RISE = 2;
    private static final int FALL = 2;
    private static final Duration FALL_BOUND = INTERVAL.multipliedBy(FALL).plusSeconds(1);
    private static final Duration RISE_BOUND = INTERVAL.multipliedBy(RISE).plusSeconds(1);
    private static final String WRITER = "app.writer.postgres.internal";
    private static final String READER = "app.reader.postgres.internal";
    private static final String PAIR = "/api/v1/servers/pg-a/virtual-endpoints/app";

    private NetworkNamespace namespace;
    private VednsProcess vedns;
    private InsideClient client;

    @BeforeAll
    void vednsInsideANamespace() throws Exception {
        namespace = NetworkNamespace.create("vedns-e2e-" + ProcessHandle.current().pid(), "127.0.0.1");
        try {
            vedns = new VednsProcess(namespace.inside(), null, List.of(), List.of("--vedns.dns.port=53",
                    "--micronaut.server.port=8080", "--vedns.health.enabled=true",
                    "--vedns.health.interval=" + INTERVAL.toMillis() + "ms", "--vedns.health.timeout=1s",
                    "--vedns.health.rise=" + RISE, "--vedns.health.fall=" + FALL,
                    "--vedns.health.postgres.sslmode=disable"),
                    Map.of("VEDNS_HEALTH_POSTGRES_PASSWORD", PostgresServer.MONITOR_PASSWORD));
            client = new InsideClient(namespace, vedns);
        } catch (Exception | AssertionError failure) {
            namespace.close();
            throw failure;
        }
    }

    @AfterAll
    void removeEverything() throws Exception {
        try {
            if (vedns != null) {
                vedns.close();
            }
        } finally {
            namespace.close();
        }
    }

    @Test
    void psqlAndJdbcReachThePrimaryThroughTheWriterAndTheReplicaThroughTheReader() throws Exception {
        try (Databases databases = databases(false)) {
            assertEquals("f|127.0.0.2", psql(WRITER, "select pg_is_in_recovery(), host(inet_server_addr())"));
            assertEquals("t|127.0.0.3", psql(READER, "select pg_is_in_recovery(), host(inet_server_addr())"));
            assertEquals("f|127.0.0.2", jdbc(WRITER));
            assertEquals("t|127.0.0.3", jdbc(READER));
        }
    }

    @Test
    void aStoppedReplicaLeavesTheReaderAndComesBackWhenStarted() throws Exception {
        try (Databases databases = databases(false)) {
            databases.replica.stop();
            Duration left = within(FALL_BOUND, "the reader to answer the primary", () -> "pg-a".equals(client.target(READER)));
            assertEquals("f|127.0.0.2", psql(READER, "select pg_is_in_recovery(), host(inet_server_addr())"));
            Map<String, Object> reader = reader();
            assertEquals("pg-b", reader.get("target"), "the chosen target is kept");
            assertEquals("pg-a", reader.get("effectiveTarget"));
            assertTrue(String.valueOf(reader.get("reason")).contains("'pg-b' is Unhealthy"), reader.toString());
            assertTrue(client.send("GET", "/metrics", null).body().contains("vedns_reader_rerouted{endpoint=\"app\"} 1.0"));

            long before = latestEventId();
            databases.replica.start();
            Duration back = within(RISE_BOUND, "the reader to answer the replica again",
                    () -> "pg-b".equals(client.target(READER)));
            assertEquals("t|127.0.0.3", jdbc(READER));
            assertTrue(eventsAfter(before).contains("\"kind\":\"ReaderRestored\""));
            System.out.printf("measured: replica stopped -> reader on primary in %d ms (bound %d ms); started -> back"
                    + " in %d ms (bound %d ms)%n", left.toMillis(), FALL_BOUND.toMillis(), back.toMillis(),
                    RISE_BOUND.toMillis());
        }
    }

    @Test
    void aLaggingReplicaLeavesTheReaderAndIsRefusedAPlannedSwitchoverButNotAForcedOne() throws Exception {
        try (Databases databases = databases(false)) {
            // A transaction replayed before the pause, so the replica can say how long ago it last replayed one.
            databases.primary.sql("create table marker (x int)");
            within(Duration.ofSeconds(10), "the replica to replay the marker", () ->
                    databases.replica.sql("select count(*) from pg_class where relname = 'marker'").equals("1"));
            databases.replica.sql("select pg_wal_replay_pause()");
            long started = System.nanoTime();
            databases.primary.sql("create table filler as select g, repeat(md5(g::text), 32) as pad"
                    + " from generate_series(1, 65536) g");
            long written = System.nanoTime();
            within(Duration.ofSeconds(30), "the lagging replica to leave the reader",
                    () -> "pg-a".equals(client.target(READER)));
            long left = System.nanoTime();
            assertTrue(String.valueOf(reader().get("reason")).contains("beyond max-reader-lag"), reader().toString());

            InsideClient.Reply planned = client.send("POST", "/api/v1/servers/pg-b/promote",
                    "{\"promoteMode\":\"Switchover\",\"promoteOption\":\"Planned\"}");
            assertEquals(409, planned.status(), planned.body());
            assertTrue(planned.body().matches("(?s).*'pg-b' replays \\d+ bytes \\(\\d+\\.\\d s\\) behind 'pg-a'.*"),
                    planned.body());
            assertEquals("pg-a", client.target(WRITER), "a refused switchover moves nothing");

            InsideClient.Reply forced = client.send("POST", "/api/v1/servers/pg-b/promote",
                    "{\"promoteMode\":\"Switchover\",\"promoteOption\":\"Forced\"}");
            assertEquals(200, forced.status(), forced.body());
            assertEquals("pg-b", client.target(WRITER));
            System.out.printf("measured: 64 MB written in %d ms -> replica off the reader %d ms after the write ended%n",
                    (written - started) / 1_000_000, (left - written) / 1_000_000);
        }
    }

    @Test
    void withoutTheOptionAPromotionRaisesRoleMismatchAndMovesNothing() throws Exception {
        try (Databases databases = databases(false)) {
            long before = latestEventId();
            databases.replica.promote();
            within(FALL_BOUND, "a role mismatch", () -> pair().get("roleMismatch") != null);
            assertEquals("'pg-b' is a replica of 'pg-a' but accepts writes", pair().get("roleMismatch"));
            assertTrue(eventsAfter(before).contains("\"kind\":\"RoleMismatch\""));
            assertEquals("WARNING", ((Map<?, ?>) ((Map<?, ?>) client.get("/health").get("details")).get("roles"))
                    .get("status"));
            assertTrue(client.send("GET", "/metrics", null).body().contains("vedns_role_mismatch{endpoint=\"app\"} 1.0"));
            Thread.sleep(INTERVAL.multipliedBy(FALL + 1).toMillis());
            assertEquals("pg-a", client.target(WRITER), "only a promotion through vedns moves the writer");
            assertEquals("f|127.0.0.2", psql(WRITER, "select pg_is_in_recovery(), host(inet_server_addr())"));
        }
    }

    @Test
    void withTheOptionAPromotedReplicaTakesTheWriterAndTheNextWriteLandsThere() throws Exception {
        try (Databases databases = databases(true)) {
            long before = latestEventId();
            databases.replica.promote();
            Duration moved = within(FALL_BOUND, "the writer to follow the promotion",
                    () -> "pg-b".equals(client.target(WRITER)));
            assertEquals("f|127.0.0.3", psql(WRITER, "create table landed (x int); insert into landed values (1);"
                    + " select pg_is_in_recovery(), host(inet_server_addr())"));
            assertEquals("1", databases.replica.sql("select count(*) from landed"));
            String events = eventsAfter(before);
            assertTrue(events.matches("(?s).*\"kind\":\"AutomaticSwitchover\".*"), events);
            assertTrue(events.matches("(?s).*\"actor\":\"health\".*"), events);
            System.out.printf("measured: pg_ctl promote -> writer on the new primary in %d ms (bound %d ms)%n",
                    moved.toMillis(), FALL_BOUND.toMillis());
        }
    }

    @Test
    void withTheOptionAKilledPrimaryAndAPromotionMoveTheWriterToo() throws Exception {
        try (Databases databases = databases(true)) {
            databases.primary.kill();
            databases.replica.promote();
            Duration moved = within(FALL_BOUND, "the writer to follow the promotion",
                    () -> "pg-b".equals(client.target(WRITER)));
            assertEquals("f|127.0.0.3", psql(WRITER, "create table landed (x int); insert into landed values (1);"
                    + " select pg_is_in_recovery(), host(inet_server_addr())"));
            assertEquals("f|127.0.0.3", jdbc(WRITER));
            assertNull(client.get("/api/v1/servers/pg-b/virtual-endpoints/app").get("roleMismatch"),
                    "the old primary is down, not split");
            System.out.printf("measured: kill -9 of the primary, then pg_ctl promote -> writer on the new primary in"
                    + " %d ms after the promotion (bound %d ms)%n", moved.toMillis(), FALL_BOUND.toMillis());
        }
    }

    @Test
    void aPoolLeavesOutAStoppedMemberAndTakesItBackWhenStarted() throws Exception {
        try (Databases databases = databases(false);
             PostgresServer third = databases.primary.replica("127.0.0.4", 5432)) {
            expect(201, client.send("PUT", "/api/v1/servers/pg-c", "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-a\",\"addresses\":[\"127.0.0.4\"]}"));
            expect(200, client.send("PATCH", PAIR, "{\"members\":[\"pg-b\",\"pg-c\"]}"));
            within(Duration.ofSeconds(10), "both members in turn", () -> readers(6).equals(List.of("pg-b", "pg-c")));

            third.stop();
            Duration left = within(FALL_BOUND, "the stopped member to leave the pool",
                    () -> readers(4).equals(List.of("pg-b")));
            third.start();
            Duration back = within(RISE_BOUND, "the member to rejoin the pool",
                    () -> readers(6).equals(List.of("pg-b", "pg-c")));
            System.out.printf("measured: pool member stopped -> out of the rotation in %d ms; started -> back in %d ms%n",
                    left.toMillis(), back.toMillis());
        }
    }

    /** The members that {@code count} reader answers in a row name, sorted. */
    private List<String> readers(int count) throws Exception {
        SortedSet<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            seen.add(client.target(READER));
        }
        return List.copyOf(seen);
    }

    private static void expect(int status, InsideClient.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
    }

    /** A fresh primary and replica, the state imported, and both Healthy with the reader on the replica. */
    private Databases databases(boolean writerFollows) throws Exception {
        PostgresServer primary = PostgresServer.primary(namespace.inside(), "127.0.0.2", 5432);
        Databases databases = new Databases(primary, null);
        try {
            databases = new Databases(primary, primary.replica("127.0.0.3", 5432));
            InsideClient.Reply imported = client.send("PUT", "/api/v1/state", "{\"zone\":\"postgres.internal.\","
                    + "\"servers\":[{\"name\":\"pg-a\",\"replicationRole\":\"Primary\",\"addresses\":[\"127.0.0.2\"]},"
                    + "{\"name\":\"pg-b\",\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-a\","
                    + "\"addresses\":[\"127.0.0.3\"]}],\"virtualEndpoints\":[{\"serverName\":\"pg-a\",\"name\":\"app\","
                    + "\"endpointType\":\"ReadWrite\",\"members\":[\"pg-b\"],\"writerFollowsObservedPrimary\":"
                    + writerFollows + "}]}");
            assertEquals(200, imported.status(), imported.body());
            within(Duration.ofSeconds(30), "both servers Healthy and the reader on pg-b", () ->
                    "Healthy".equals(state("pg-a")) && "Healthy".equals(state("pg-b"))
                            && "pg-b".equals(reader().get("effectiveTarget")) && pair().get("roleMismatch") == null);
            return databases;
        } catch (Exception | AssertionError failure) {
            databases.close();
            throw failure;
        }
    }

    private record Databases(PostgresServer primary, PostgresServer replica) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (PostgresServer first = primary; PostgresServer second = replica) {
                // closed in reverse: the replica stops before its primary
            }
        }
    }

    /** What the last statement printed (psql prints the tags of the ones before it too). */
    private String psql(String host, String statement) throws Exception {
        String out = PostgresServer.psql(namespace.inside(), "host=" + host + " port=5432 user=postgres"
                + " dbname=postgres connect_timeout=5", statement);
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    /** The JDBC program in a JVM of its own inside the namespace, so it resolves the name through vedns there. */
    private String jdbc(String host) throws Exception {
        String classpath = location(org.postgresql.Driver.class) + ":" + location(JdbcClient.class);
        return namespace.run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                JdbcClient.class.getName(), "jdbc:postgresql://" + host + ":5432/postgres?connectTimeout=5",
                "postgres").strip();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private String state(String server) throws Exception {
        Object health = client.get("/api/v1/servers/" + server).get("health");
        return health == null ? null : String.valueOf(((Map<?, ?>) health).get("state"));
    }

    private Map<String, Object> pair() throws Exception {
        return client.get(PAIR);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reader() throws Exception {
        return (Map<String, Object>) pair().get("reader");
    }

    private long latestEventId() throws Exception {
        return ((Number) client.get("/api/v1/events?limit=1").get("latestId")).longValue();
    }

    private String eventsAfter(long id) throws Exception {
        return client.send("GET", "/api/v1/events?limit=1000&after=" + id, null).body();
    }

    /** How long {@code condition} took to hold, polled every 50 ms; fails when it did not within {@code bound}. */
    private Duration within(Duration bound, String what, Callable<Boolean> condition) throws Exception {
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        while (true) {
            if (condition.call()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + bound.toMillis() + " ms for " + what + "; pair: "
                        + client.send("GET", PAIR, null).body() + "\nvedns log:\n" + tail(vedns.output()));
            }
            Thread.sleep(50);
        }
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}

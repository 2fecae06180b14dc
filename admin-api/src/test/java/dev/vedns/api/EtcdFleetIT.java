package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.etcd.EtcdCluster;
import dev.vedns.health.PostgresServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Three vedns processes (the packaged jar) on a real three-member etcd cluster, through the HTTP API with the
 * fleet's one admin token: a change through any instance is answered by the DNS of all three; a token made
 * through one instance is taken by the others, and once revoked refused by them; the same base name created
 * through two instances at once gives one 201 and one 409, and every instance answers the winner.
 */
class EtcdFleetIT {

    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LEADING = Pattern.compile("\"leading\"\\s*:\\s*true");

    @Test
    void threeInstancesOnEtcdShareOneTruth() throws Exception {
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            List<String> arguments = new ArrayList<>(List.of("--vedns.dns.port=0", "--micronaut.server.port=0"));
            arguments.addAll(etcd.vednsSettings("/fleet/"));
            List<VednsProcess> instances = new ArrayList<>();
            try {
                // The first issues the fleet's admin token; the others find it in etcd and issue none.
                instances.add(new VednsProcess(List.of(), arguments, Map.of()));
                String admin = instances.get(0).adminToken();
                instances.add(new VednsProcess(List.of(), arguments, Map.of()));
                instances.add(new VednsProcess(List.of(), arguments, Map.of()));
                List<ProcessClient> clients = new ArrayList<>();
                for (VednsProcess instance : instances) {
                    clients.add(new ProcessClient(instance, admin));
                }
                changesThroughAnyInstanceAreAnsweredByAll(clients);
                tokensHoldOnEveryInstance(clients);
                sameNameAtOnceGivesOneCreatedAndOneConflict(clients);
                aFileStoreExportImportsIntoTheFleet(clients);
            } finally {
                for (VednsProcess instance : instances) {
                    instance.close();
                }
            }
        }
    }

    /**
     * Real PostgreSQL (a primary on 127.0.0.2, its streaming replica on 127.0.0.3) probed by the fleet's leader
     * alone: SIGKILL that instance, another leads within the lease TTL and probes; the replica promoted, the
     * writer follows it by one automatic switchover, made once, by the one leader.
     */
    @Test
    void theLeaderProbesAndWhenKilledAnotherLeadsAndSwitchesOverOnce() throws Exception {
        int port = freePort();
        try (EtcdCluster etcd = EtcdCluster.start(3);
             PostgresServer primary = PostgresServer.primary(List.of(), "127.0.0.2", port);
             PostgresServer replica = primary.replica("127.0.0.3", port)) {
            List<String> arguments = new ArrayList<>(List.of("--vedns.dns.port=0", "--micronaut.server.port=0",
                    "--vedns.etcd.lease-ttl=2s",
                    "--vedns.health.enabled=true", "--vedns.health.interval=500ms", "--vedns.health.timeout=1s",
                    "--vedns.health.rise=2", "--vedns.health.fall=2", "--vedns.health.postgres.port=" + port,
                    "--vedns.health.postgres.sslmode=disable"));
            arguments.addAll(etcd.vednsSettings("/probed/"));
            Map<String, String> environment = Map.of("VEDNS_HEALTH_POSTGRES_PASSWORD", PostgresServer.MONITOR_PASSWORD);
            List<VednsProcess> instances = new ArrayList<>();
            try {
                instances.add(new VednsProcess(List.of(), arguments, environment));
                String admin = instances.get(0).adminToken();
                instances.add(new VednsProcess(List.of(), arguments, environment));
                instances.add(new VednsProcess(List.of(), arguments, environment));
                List<ProcessClient> clients = new ArrayList<>();
                for (VednsProcess instance : instances) {
                    clients.add(new ProcessClient(instance, admin));
                }
                expect(200, clients.get(0).send("PUT", "/api/v1/state", "{\"zone\":\"postgres.internal.\","
                        + "\"servers\":[{\"name\":\"pg-a\",\"replicationRole\":\"Primary\","
                        + "\"addresses\":[\"127.0.0.2\"]},{\"name\":\"pg-b\",\"replicationRole\":\"AsyncReplica\","
                        + "\"sourceServerName\":\"pg-a\",\"addresses\":[\"127.0.0.3\"]}],\"virtualEndpoints\":"
                        + "[{\"serverName\":\"pg-a\",\"name\":\"app\",\"endpointType\":\"ReadWrite\","
                        + "\"members\":[\"pg-b\"],\"writerFollowsObservedPrimary\":true}]}"));
                int leader = awaitOneLeader(clients, Duration.ofSeconds(15));
                awaitHealthy(clients.get(leader));

                long killed = System.nanoTime();
                instances.get(leader).kill();
                instances.remove(leader);
                clients.remove(leader);
                int next = awaitOneLeader(clients, Duration.ofSeconds(10));
                long millis = (System.nanoTime() - killed) / 1_000_000;
                System.out.printf("etcd fleet: the leader SIGKILLed; another instance led %d ms later (lease TTL 2 s)%n",
                        millis);
                assertTrue(millis < 3500, millis + " ms");
                awaitHealthy(clients.get(next));

                replica.promote();
                String writer = "app.writer.postgres.internal.\t5\tIN\tCNAME\tpg-b.postgres.internal.";
                for (ProcessClient client : clients) {
                    awaitAnswer(client, "app.writer.postgres.internal.", writer);
                }
                Thread.sleep(2000);
                for (ProcessClient client : clients) {
                    String events = client.get("/api/v1/events?limit=1000");
                    assertEquals(1, occurrences(events, "\"kind\":\"AutomaticSwitchover\""), events);
                    assertEquals(List.of(writer), client.answer("app.writer.postgres.internal.", Type.CNAME));
                }
            } finally {
                for (VednsProcess instance : instances) {
                    instance.close();
                }
            }
        }
    }

    /** Until exactly one instance says in /health that it leads; its index. */
    private static int awaitOneLeader(List<ProcessClient> clients, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<Integer> leaders = new ArrayList<>();
            List<String> healths = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                healths.add(clients.get(i).send("GET", "/health", null, null).body());
                if (LEADING.matcher(healths.get(i)).find()) {
                    leaders.add(i);
                }
            }
            assertTrue(leaders.size() <= 1, "two instances lead at once: " + leaders);
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            assertTrue(System.nanoTime() < deadline, "no instance leads: " + healths);
            Thread.sleep(20);
        }
    }

    private static void awaitHealthy(ProcessClient leader) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(leader.get("/api/v1/servers/pg-a").contains("\"state\":\"Healthy\"")
                && leader.get("/api/v1/servers/pg-b").contains("\"state\":\"Healthy\""))) {
            assertTrue(System.nanoTime() < deadline, "the leader never saw both servers Healthy");
            Thread.sleep(50);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void changesThroughAnyInstanceAreAnsweredByAll(List<ProcessClient> clients) throws Exception {
        for (int i = 0; i < clients.size(); i++) {
            ProcessClient through = clients.get(i);
            expect(201, through.send("PUT", "/api/v1/servers/pg-" + i, "{\"replicationRole\":\"Primary\","
                    + "\"addresses\":[\"10.0.0." + (i + 1) + "\"]}"));
            expect(201, through.send("PUT", "/api/v1/servers/pg-" + i + "/virtual-endpoints/db" + i,
                    "{\"endpointType\":\"ReadWrite\"}"));
            String name = "db" + i + ".writer.postgres.internal.";
            String cname = name + "\t5\tIN\tCNAME\tpg-" + i + ".postgres.internal.";
            assertEquals(List.of(cname), through.answer(name, Type.CNAME), "answered at once where it was made");
            for (ProcessClient other : clients) {
                awaitAnswer(other, name, cname);
            }
        }
        String state = clients.get(0).get("/api/v1/state");
        for (ProcessClient client : clients) {
            assertEquals(state, client.get("/api/v1/state"));
        }
    }

    private static void tokensHoldOnEveryInstance(List<ProcessClient> clients) throws Exception {
        HttpResponse<String> created = expect(201, clients.get(1).send("POST", "/api/v1/tokens",
                "{\"name\":\"deployer\",\"role\":\"operator\"}"));
        Matcher secret = SECRET.matcher(created.body());
        assertTrue(secret.find(), created.body());
        long made = System.nanoTime();
        awaitStatus(clients.get(2), secret.group(1), 200);
        System.out.printf("etcd fleet: a token made through one instance was taken by another %d ms later%n",
                (System.nanoTime() - made) / 1_000_000);
        expect(204, clients.get(0).send("DELETE", "/api/v1/tokens/deployer", null));
        awaitStatus(clients.get(2), secret.group(1), 401);
        awaitStatus(clients.get(1), secret.group(1), 401);
    }

    private static void sameNameAtOnceGivesOneCreatedAndOneConflict(List<ProcessClient> clients) throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String base = "race" + round;
                for (int i = 0; i < 2; i++) {
                    expect(201, clients.get(0).send("PUT", "/api/v1/servers/pg-race-" + round + "-" + i,
                            "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1." + (i + 1) + "\"]}"));
                }
                awaitSameState(clients);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    ProcessClient through = clients.get(i);
                    String path = "/api/v1/servers/pg-race-" + round + "-" + i + "/virtual-endpoints/" + base;
                    statuses.add(racers.submit(() -> {
                        go.await();
                        return through.send("PUT", path, "{\"endpointType\":\"ReadWrite\"}").statusCode();
                    }));
                }
                go.countDown();
                List<Integer> results = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    results.add(status.get());
                }
                Collections.sort(results);
                assertEquals(List.of(201, 409), results, base);
                awaitSameState(clients);
                List<String> answer = clients.get(0).answer(base + ".writer.postgres.internal.", Type.CNAME);
                assertFalse(answer.isEmpty());
                for (ProcessClient client : clients) {
                    assertEquals(answer, client.answer(base + ".writer.postgres.internal.", Type.CNAME));
                }
            }
        } finally {
            racers.shutdownNow();
        }
    }

    /**
     * {@code GET /api/v1/state} of an instance on its own data directory, {@code PUT} into the fleet: every
     * instance answers it. One too large for a single etcd transaction is refused whole, saying which limits.
     */
    private static void aFileStoreExportImportsIntoTheFleet(List<ProcessClient> clients) throws Exception {
        String small;
        String large;
        try (VednsProcess alone = new VednsProcess(List.of(), List.of("--vedns.dns.port=0",
                "--micronaut.server.port=0"), Map.of())) {
            ProcessClient client = new ProcessClient(alone);
            for (int i = 0; i < 5; i++) {
                expect(201, client.send("PUT", "/api/v1/servers/pg-moved-" + i, "{\"replicationRole\":\"Primary\","
                        + "\"addresses\":[\"10.0.2." + (i + 1) + "\"]}"));
                expect(201, client.send("PUT", "/api/v1/servers/pg-moved-" + i + "/virtual-endpoints/moved" + i,
                        "{\"endpointType\":\"ReadWrite\"}"));
            }
            small = client.get("/api/v1/state");
            for (int i = 5; i < 80; i++) {
                expect(201, client.send("PUT", "/api/v1/servers/pg-moved-" + i, "{\"replicationRole\":\"Primary\","
                        + "\"addresses\":[\"10.0.2." + (i + 1) + "\"]}"));
                expect(201, client.send("PUT", "/api/v1/servers/pg-moved-" + i + "/virtual-endpoints/moved" + i,
                        "{\"endpointType\":\"ReadWrite\"}"));
            }
            large = client.get("/api/v1/state");
        }
        expect(200, clients.get(2).send("PUT", "/api/v1/state", small));
        for (ProcessClient client : clients) {
            awaitAnswer(client, "moved4.writer.postgres.internal.",
                    "moved4.writer.postgres.internal.\t5\tIN\tCNAME\tpg-moved-4.postgres.internal.");
        }
        String before = clients.get(0).get("/api/v1/state");
        HttpResponse<String> refused = clients.get(1).send("PUT", "/api/v1/state", large);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("--max-txn-ops"), refused.body());
        awaitSameState(clients);
        assertEquals(before, clients.get(0).get("/api/v1/state"), "the refused import changed nothing");
    }

    private static void awaitSameState(List<ProcessClient> clients) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String state = clients.get(0).get("/api/v1/state");
            boolean same = true;
            for (ProcessClient client : clients) {
                same &= state.equals(client.get("/api/v1/state"));
            }
            if (same) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the instances never agreed");
            Thread.sleep(10);
        }
    }

    private static void awaitAnswer(ProcessClient client, String name, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!client.answer(name, Type.CNAME).equals(List.of(line))) {
            assertTrue(System.nanoTime() < deadline, name + " never answered " + line);
            Thread.sleep(5);
        }
    }

    private static void awaitStatus(ProcessClient client, String token, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.send("GET", "/api/v1/tokens/self", null, token).statusCode() != status) {
            assertTrue(System.nanoTime() < deadline, "the token never got " + status);
            Thread.sleep(5);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }
}

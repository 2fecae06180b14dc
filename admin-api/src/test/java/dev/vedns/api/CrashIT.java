package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Kills the real process with SIGKILL at random moments while a client applies changes through the API,
 * 20 times. After every restart each acknowledged change is there (at most the one in flight may be there
 * too), and the DNS answers match GET /api/v1/state.
 */
class CrashIT {

    private static final int KILLS = 20;
    private static final List<String> ARGUMENTS = List.of("--vedns.dns.port=0", "--micronaut.server.port=0",
            // Checkpoints every few changes, so some kills land during a checkpoint or a compaction.
            "--vedns.journal.checkpoint-every=7");

    @TempDir
    Path work;

    private final Map<String, String> acknowledgedServers = new HashMap<>();
    private String acknowledgedReader = "pg-replica";
    private final AtomicReference<String> inFlight = new AtomicReference<>();

    @Test
    void everyAcknowledgedChangeSurvivesSigkill() throws Exception {
        Random random = new Random(20261124);
        try (VednsProcess first = new VednsProcess(work, List.of(), ARGUMENTS, Map.of())) {
            ProcessClient client = new ProcessClient(first);
            put(client, "/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}");
            put(client, "/api/v1/servers/pg-replica", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-main\","
                    + "\"addresses\":[\"10.0.0.6\"]}");
            put(client, "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}");
            acknowledgedServers.put("pg-main", "10.0.0.5");
            acknowledgedServers.put("pg-replica", "10.0.0.6");
        }
        for (int round = 1; round <= KILLS; round++) {
            VednsProcess vedns = new VednsProcess(work, List.of(), ARGUMENTS, Map.of());
            try {
                ProcessClient client = new ProcessClient(vedns);
                verify(client, round);
                Thread writer = new Thread(() -> writeUntilKilled(client), "writer");
                writer.start();
                Thread.sleep(100 + random.nextInt(500));
                vedns.kill();
                writer.join(30_000);
                assertTrue(!writer.isAlive(), "the writer did not notice the kill");
            } finally {
                vedns.close();
            }
        }
        try (VednsProcess last = new VednsProcess(work, List.of(), ARGUMENTS, Map.of())) {
            verify(new ProcessClient(last), KILLS + 1);
        }
        assertTrue(acknowledgedServers.size() > 2 + KILLS, "too few changes were made to mean anything: "
                + acknowledgedServers.size());
    }

    /** Applies changes in a loop, remembering each one acknowledged, until the process is gone. */
    private void writeUntilKilled(ProcessClient client) {
        for (int i = 0; ; i++) {
            try {
                if (i % 3 == 2) {
                    String target = acknowledgedReader.equals("pg-main") ? "pg-replica" : "pg-main";
                    inFlight.set("reader:" + target);
                    if (client.send("PATCH", "/api/v1/servers/pg-main/virtual-endpoints/mydb",
                            "{\"members\":[\"" + target + "\"]}").statusCode() == 200) {
                        acknowledgedReader = target;
                    }
                } else {
                    String name = "pg-c" + acknowledgedServers.size();
                    String address = "10.1." + (acknowledgedServers.size() / 250) + "." + (acknowledgedServers.size() % 250 + 1);
                    inFlight.set("server:" + name);
                    HttpResponse<String> response = client.send("PUT", "/api/v1/servers/" + name,
                            "{\"replicationRole\":\"Primary\",\"addresses\":[\"" + address + "\"]}");
                    if (response.statusCode() == 201) {
                        acknowledgedServers.put(name, address);
                    }
                }
                inFlight.set(null);
            } catch (IOException | InterruptedException killed) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void verify(ProcessClient client, int round) throws Exception {
        JsonMapper mapper = JsonMapper.createDefault();
        Map<String, Object> state = mapper.readValue(client.get("/api/v1/state"), Map.class);
        List<Map<String, Object>> servers = (List<Map<String, Object>>) state.get("servers");
        Set<String> present = new HashSet<>();
        String pending = inFlight.get();
        for (Map<String, Object> server : servers) {
            String name = (String) server.get("name");
            present.add(name);
            assertTrue(acknowledgedServers.containsKey(name) || ("server:" + name).equals(pending),
                    "round " + round + ": " + name + " was never sent");
            List<String> addresses = (List<String>) server.get("addresses");
            List<String> dns = new ArrayList<>();
            client.answer(name + ".postgres.internal.", Type.A).forEach(line -> dns.add(line.substring(line.lastIndexOf('\t') + 1)));
            assertEquals(addresses, dns, "round " + round + ": DNS and state differ for " + name);
        }
        assertTrue(present.containsAll(acknowledgedServers.keySet()), "round " + round + ": lost acknowledged servers "
                + difference(acknowledgedServers.keySet(), present));

        Map<String, Object> pair = ((List<Map<String, Object>>) state.get("virtualEndpoints")).get(0);
        String reader = ((List<String>) pair.get("members")).get(0);
        assertTrue(reader.equals(acknowledgedReader) || ("reader:" + reader).equals(pending),
                "round " + round + ": reader targets " + reader + ", acknowledged " + acknowledgedReader);
        acknowledgedReader = reader;
        String cname = client.answer("mydb.reader.postgres.internal.", Type.CNAME).get(0);
        assertTrue(cname.endsWith("\t" + reader + ".postgres.internal."), "round " + round + ": " + cname);
        if (pending != null && pending.startsWith("server:") && present.contains(pending.substring(7))) {
            // The request in flight was journaled before the kill: from now on it counts as acknowledged.
            Map<String, Object> server = servers.stream().filter(s -> s.get("name").equals(pending.substring(7)))
                    .findFirst().orElseThrow();
            acknowledgedServers.put(pending.substring(7), ((List<String>) server.get("addresses")).get(0));
        }
        inFlight.set(null);
    }

    private static Set<String> difference(Set<String> all, Set<String> some) {
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(some);
        return missing;
    }

    private static void put(ProcessClient client, String path, String json) throws Exception {
        int status = client.send("PUT", path, json).statusCode();
        assertTrue(status == 200 || status == 201, "PUT " + path + ": " + status);
    }
}

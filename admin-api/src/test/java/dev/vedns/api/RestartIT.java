package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** A restart of the real process keeps every server, endpoint, target, event and the serial. */
class RestartIT {

    private static final List<String> PORTS = List.of("--vedns.dns.port=0", "--micronaut.server.port=0");
    private static final List<String> NAMES = List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
            "pg-main.postgres.internal.", "pg-replica-1.postgres.internal.", "pg-replica-2.postgres.internal.",
            "pg-solo.postgres.internal.", "postgres.internal.");

    @TempDir
    Path work;

    @Test
    void aRestartAnswersExactlyAsBefore() throws Exception {
        String state;
        String events;
        List<String> answers;
        try (VednsProcess first = new VednsProcess(work, List.of(), PORTS, Map.of())) {
            ProcessClient client = new ProcessClient(first);
            send(client, "PUT", "/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}");
            send(client, "PUT", "/api/v1/servers/pg-replica-1", "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.6\",\"fd00::6\"]}");
            send(client, "PUT", "/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.7\"]}");
            send(client, "PUT", "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}");
            send(client, "POST", "/api/v1/servers/pg-replica-1/promote", "{\"promoteMode\":\"Switchover\"}");
            send(client, "PUT", "/api/v1/servers/pg-solo", "{\"replicationRole\":\"Primary\",\"addresses\":[\"fd00::99\"]}");
            state = client.get("/api/v1/state");
            events = client.get("/api/v1/events");
            answers = answers(client);

            assertSecondProcessIsRefused(first);
        }
        try (VednsProcess second = new VednsProcess(work, List.of(), PORTS, Map.of())) {
            ProcessClient client = new ProcessClient(second);
            assertEquals(state, client.get("/api/v1/state"));
            assertEquals(events, client.get("/api/v1/events"));
            assertEquals(answers, answers(client));
            assertEquals(201, client.send("PUT", "/api/v1/servers/pg-after", "{\"replicationRole\":\"Primary\","
                    + "\"addresses\":[\"10.0.0.9\"]}").statusCode());
            assertNotEquals(state, client.get("/api/v1/state"));
        }
    }

    /** A second vedns on the same data directory fails fast, naming the directory and the holder's pid. */
    private void assertSecondProcessIsRefused(VednsProcess holder) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "vedns.jar").toAbsolutePath().toString()));
        command.addAll(PORTS);
        Process second = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second vedns did not give up");
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, second.exitValue());
        assertTrue(output.contains("Data directory " + work.resolve("data").toAbsolutePath() + " is in use by another"
                + " vedns (pid " + holder.pid() + ")"), output);
    }

    private static void send(ProcessClient client, String method, String path, String json) throws Exception {
        int status = client.send(method, path, json).statusCode();
        assertTrue(status == 200 || status == 201, method + " " + path + ": " + status);
    }

    private static List<String> answers(ProcessClient client) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String name : NAMES) {
            answers.addAll(client.answer(name, Type.ANY));
        }
        answers.addAll(client.answer("postgres.internal.", Type.SOA));
        return answers;
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** A fleet declared in a file is applied on the first start only; a bad file stops the start, saying why. */
class BootstrapFileTest {

    private static final Path EXAMPLE = Path.of("..", "config", "bootstrap-example.yml").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @Test
    void theExampleIsAppliedOnFirstStartAndNeverAgain() throws Exception {
        Map<String, Object> properties = Map.of("vedns.bootstrap-file", EXAMPLE.toString());
        try (RunningApp app = new RunningApp(directory, properties)) {
            assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-replica-1.postgres.internal.",
                    "pg-replica-1.postgres.internal.\t30\tIN\tA\t10.0.0.6"),
                    app.vedns().dns().answer("mydb.reader.postgres.internal.", Type.A));
            assertEquals("pg-orders.postgres.internal.", target(app, "orders.reader.postgres.internal."));
            expect(200, app.vedns().api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"));
        }
        try (RunningApp app = new RunningApp(directory, properties)) {
            assertEquals("pg-main.postgres.internal.", target(app, "mydb.reader.postgres.internal."),
                    "the data directory, not the file, is the truth after the first start");
            assertEquals("StateImported", ((Map<?, ?>) ((List<?>) expect(200, app.vedns().api().get("/api/v1/events"))
                    .json().get("events")).get(0)).get("kind"));
        }
    }

    @Test
    void jsonWorksToo() throws Exception {
        Path file = directory.resolve("fleet.json");
        Files.writeString(file, "{\"zone\":\"postgres.internal\",\"servers\":[{\"name\":\"pg-json\","
                + "\"replicationRole\":\"Primary\",\"addresses\":[\"10.9.0.1\"]}]}");
        try (RunningApp app = new RunningApp(directory.resolve("data"), Map.of("vedns.bootstrap-file", file.toString()))) {
            assertEquals(List.of("pg-json.postgres.internal.\t30\tIN\tA\t10.9.0.1"),
                    app.vedns().dns().answer("pg-json.postgres.internal.", Type.A));
        }
    }

    @Test
    void anInvalidFileStopsTheStartListingItsProblems() throws Exception {
        Path file = directory.resolve("bad.yml");
        Files.writeString(file, "zone: postgres.internal.\nservers:\n  - name: Bad_Name\n    replicationRole: Primary\n"
                + "    addresses: [10.0.0.1, nonsense]\n");
        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> new RunningApp(directory.resolve("data"), Map.of("vedns.bootstrap-file", file.toString())).close());
        String message = messages(refusal);
        assertTrue(message.contains("servers[0].name") && message.contains("servers[0].addresses[1]"), message);

        Files.writeString(file, "zone: [unclosed");
        assertTrue(messages(assertThrows(RuntimeException.class, () -> new RunningApp(directory.resolve("data2"),
                Map.of("vedns.bootstrap-file", file.toString())).close())).contains("cannot be read"));
    }

    private static String target(RunningApp app, String name) throws Exception {
        String line = app.vedns().dns().answer(name, Type.CNAME).get(0);
        return line.substring(line.lastIndexOf('\t') + 1);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}

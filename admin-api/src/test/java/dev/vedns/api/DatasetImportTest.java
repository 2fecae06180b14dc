package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** The benchmark's data set (bench/dataset.py: 2,000 servers, 1,000 pairs) is imported as it is, and survives a restart. */
class DatasetImportTest {

    @TempDir
    Path directory;

    @Test
    void theGeneratedDatasetIsAcceptedAsIs() throws Exception {
        Path generator = Path.of("..", "bench", "dataset.py").toAbsolutePath().normalize();
        Process gen = new ProcessBuilder("python3", generator.toString(), "--pairs", "1000", directory.toString())
                .redirectErrorStream(true).start();
        assertTrue(gen.waitFor(60, TimeUnit.SECONDS), "dataset.py did not finish");
        assertEquals(0, gen.exitValue(), new String(gen.getInputStream().readAllBytes()));
        String dataset = Files.readString(directory.resolve("dataset.json"));

        Map<String, Object> properties = Map.of("vedns.zone", "pg.example.test.");
        List<String> before;
        try (RunningApp app = new RunningApp(directory.resolve("data"), properties)) {
            Map<String, Object> state = expect(200, app.vedns().api().put("/api/v1/state", dataset)).json();
            assertEquals(2000, ((List<?>) state.get("servers")).size());
            assertEquals(1000, ((List<?>) state.get("virtualEndpoints")).size());
            before = sample(app);
            assertEquals("ve-00500.writer.pg.example.test.\t5\tIN\tCNAME\tsrv-01000.pg.example.test.", before.get(0));
            assertTrue(before.get(1).startsWith("srv-01000.pg.example.test.\t30\tIN\tA\t"), before.get(1));
        }
        try (RunningApp app = new RunningApp(directory.resolve("data"), properties)) {
            assertEquals(before, sample(app));
            assertEquals(2000, expect(200, app.vedns().api().get("/api/v1/servers")).jsonList().size());
        }
    }

    private static List<String> sample(RunningApp app) throws Exception {
        List<String> answers = new java.util.ArrayList<>();
        for (String name : List.of("ve-00500.writer.pg.example.test.", "ve-00500.reader.pg.example.test.",
                "ve-00999.reader.pg.example.test.", "srv-01999.pg.example.test.")) {
            answers.addAll(app.vedns().dns().answer(name, Type.A));
        }
        return answers;
    }
}

package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark command in its quick mode, so the harness never rots. It asserts that the harness
 * works and prints its table, never how fast anything was.
 */
class BenchHarnessIT {

    @Test
    void theQuickBenchmarkPrintsTheSideBySideTable() throws Exception {
        Path script = Path.of("..", "bench", "run").toAbsolutePath().normalize();
        Process bench = new ProcessBuilder(script.toString(), "--quick", "--no-build").redirectErrorStream(true).start();
        String output = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bench.waitFor(180, TimeUnit.SECONDS), "bench/run --quick did not finish:\n" + output);
        System.out.println(output);
        assertEquals(0, bench.exitValue(), output);
        assertTrue(output.contains("change applied and visible in DNS"), output);
        assertTrue(output.matches("(?s).*\\ntarget +sat qps.*\\nvedns +\\d+.*"), output);
        assertTrue(output.matches("(?s).*\\naxfr target.*\\nvedns +[\\d.]+ +\\d+ .*"), output);
        assertTrue(output.matches("(?s).*\\nknot secondary of.*\\nvedns +\\d+\\.\\d+ .*"), output);
    }
}

package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line as users run it: a separate {@code java -jar vedns.jar <command>} process, and through the
 * {@code bin/vedns} launcher, against a vedns running as its own process.
 */
class CliProcessIT {

    private static final Path JAR = Path.of("target", "vedns.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("..", "bin", "vedns").toAbsolutePath().normalize();

    private record Result(int exit, String out, String err, long millis) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000);
    }

    private static Result jar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    private static Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    @Test
    void aClientProcessChangesTheStateAndDnsAndExitsAsScriptsExpect() throws Exception {
        try (VednsProcess vedns = new VednsProcess(List.of(), List.of("--vedns.dns.port=0", "--micronaut.server.port=0"),
                Map.of())) {
            Map<String, String> env = Map.of("VEDNS_API_URL", vedns.apiUrl, "VEDNS_DNS", "127.0.0.1:" + vedns.dnsPort,
                    "LANG", "C", "LC_ALL", "C",
                    "VEDNS_TOKEN_FILE", vedns.workDir.resolve("data/admin.token").toString());

            Result anonymous = jar(Map.of("VEDNS_API_URL", vedns.apiUrl), "server", "list");
            assertEquals(1, anonymous.exit(), anonymous.err());
            assertTrue(anonymous.err().startsWith("vedns: Unauthorized"), anonymous.err());

            Result created = jar(env, "server", "create", "-n", "pg-main", "--address", "10.0.0.5");
            assertEquals(0, created.exit(), created.err());
            assertTrue(created.out().contains("\"replicationRole\" : \"Primary\""), created.out());
            System.out.println("CLI process: server create answered in " + created.millis() + " ms (JVM start included)");

            Result pair = launcher(env, "virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb", "-o", "tsv");
            assertEquals(0, pair.exit(), pair.err());
            assertTrue(pair.out().startsWith("mydb\tpg-main\tReadWrite\tpg-main\t"), pair.out());

            Result resolved = launcher(env, "resolve", "mydb.writer.postgres.internal");
            assertEquals(0, resolved.exit(), resolved.err());
            assertEquals("mydb.writer.postgres.internal → pg-main.postgres.internal → 10.0.0.5\n", resolved.out());
            assertEquals(List.of("mydb.writer.postgres.internal. 5 IN CNAME pg-main.postgres.internal.",
                    "pg-main.postgres.internal. 30 IN A 10.0.0.5"),
                    Dig.run(vedns.dnsPort, "mydb.writer.postgres.internal", "A").section("ANSWER"));

            Result refused = jar(env, "server", "create", "-n", "pg-bad", "--address", "nope");
            assertEquals(1, refused.exit());
            assertTrue(refused.err().startsWith("vedns: Bad Request"), refused.err());
            Result usage = jar(env, "server", "create");
            assertEquals(2, usage.exit());
            assertTrue(usage.err().contains("--name"), usage.err());
            Result unreachable = jar(Map.of("VEDNS_API_URL", "http://127.0.0.1:9"), "server", "list");
            assertEquals(3, unreachable.exit());
            assertTrue(unreachable.err().contains("http://127.0.0.1:9"), unreachable.err());
        }
    }
}

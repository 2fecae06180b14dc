package dev.vedns.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar started as a real process, the way a user starts it (the README's {@code bin/vedns}, with the
 * class-data sharing archive the build made), and the ports it reports.
 */
public final class VednsProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile(
            "vedns serving zone (\\S+): DNS udp ([\\d.]+):(\\d+) tcp ([\\d.]+):(\\d+), API (http://\\S+)");
    /** The README's start command, {@code bin/vedns} of this checkout. */
    static final Path LAUNCHER = Path.of("..", "bin", "vedns").toAbsolutePath().normalize();

    private final Process process;
    private final Path log;
    final Path workDir;
    final String startupLine;
    final String zone;
    final int dnsPort;
    final int tcpPort;
    final String apiUrl;

    private final boolean ownWorkDir;

    VednsProcess(List<String> jvmOptions, List<String> arguments, Map<String, String> environment) throws Exception {
        this(null, jvmOptions, arguments, environment);
    }

    /** @param workDir where the process runs (its ./data lives there); null for a fresh one removed at close */
    VednsProcess(Path workDir, List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
            throws Exception {
        this(List.of(), workDir, jvmOptions, arguments, environment);
    }

    /** @param inside what the command runs under, e.g. {@code ip netns exec <ns>} (which execs it: same process) */
    VednsProcess(List<String> inside, Path workDir, List<String> jvmOptions, List<String> arguments,
                 Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(inside);
        command.add(LAUNCHER.toString());
        command.addAll(arguments);
        log = Files.createTempFile("vedns-", ".log");
        // By default a fresh working directory per process, so ./data starts empty, as on a new machine.
        this.ownWorkDir = workDir == null;
        this.workDir = ownWorkDir ? Files.createTempDirectory("vedns-run-") : workDir;
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("VEDNS_JAVA_OPTS", String.join(" ", jvmOptions));
        builder.environment().putAll(environment);
        process = builder.start();
        Matcher started = awaitStartup(Duration.ofSeconds(60));
        startupLine = started.group(0);
        zone = started.group(1);
        dnsPort = Integer.parseInt(started.group(3));
        tcpPort = Integer.parseInt(started.group(5));
        apiUrl = started.group(6);
    }

    private Matcher awaitStartup(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = STARTED.matcher(output());
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError("vedns exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("vedns did not report its listeners within " + limit + ":\n" + output());
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no checkpoint, as in a power cut of the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The secret of the admin token this vedns wrote into its ./data on its first start. */
    String adminToken() throws IOException {
        return Files.readString(workDir.resolve("data").resolve("admin.token")).trim();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
        if (ownWorkDir) {
            deleteTree(workDir);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

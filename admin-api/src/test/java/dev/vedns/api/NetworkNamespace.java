package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace the test creates, with its loopback up and {@code /etc/netns/<name>/resolv.conf} naming
 * a DNS server inside it, so that glibc, libpq and the JVM resolve through it there. Closing it kills whatever
 * still runs inside and removes the namespace and its files, whatever the test did before. Needs root.
 */
final class NetworkNamespace implements AutoCloseable {

    /** What a command printed and how it ended. */
    record Result(int exit, String output) {
    }

    private static final Path NETNS_ETC = Path.of("/etc/netns");

    final String name;
    private final Path etc;
    private final boolean ownsNetnsEtc;

    private NetworkNamespace(String name) {
        this.name = name;
        this.etc = NETNS_ETC.resolve(name);
        this.ownsNetnsEtc = !Files.exists(NETNS_ETC);
    }

    /** A new namespace whose resolver asks {@code nameserver} (an address inside it), once, with a short timeout. */
    static NetworkNamespace create(String name, String nameserver) throws Exception {
        NetworkNamespace namespace = new NetworkNamespace(name);
        try {
            host("ip", "netns", "add", name);
            namespace.run("ip", "link", "set", "lo", "up");
            Files.createDirectories(namespace.etc);
            Files.writeString(namespace.etc.resolve("resolv.conf"), "nameserver " + nameserver
                    + "\noptions timeout:1 attempts:2\n");
            return namespace;
        } catch (Exception | AssertionError failure) {
            namespace.close();
            throw failure;
        }
    }

    /** The words that run a command inside: {@code ip netns exec <name>}. */
    List<String> inside() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Runs a command inside; it must succeed within a minute. */
    String run(String... command) throws Exception {
        Result result = exec(command);
        assertTrue(result.exit() == 0, String.join(" ", command) + " failed (" + result.exit() + "):\n" + result.output());
        return result.output();
    }

    /** Runs a command inside and reports how it ended (stdout only; stderr is kept apart from what it printed). */
    Result exec(String... command) throws Exception {
        List<String> full = new ArrayList<>(inside());
        full.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within a minute");
        }
        return new Result(process.exitValue(), output);
    }

    @Override
    public void close() throws Exception {
        try {
            for (String pid : hostOutput("ip", "netns", "pids", name).split("\\s+")) {
                if (!pid.isBlank()) {
                    hostOutput("kill", "-9", pid);
                }
            }
        } finally {
            hostOutput("ip", "netns", "del", name);
            VednsProcess.deleteTree(ownsNetnsEtc ? NETNS_ETC : etc);
        }
    }

    private static void host(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed (it needs root):\n" + output);
    }

    /** A command on the host whose failure does not stop a cleanup. */
    private static String hostOutput(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}

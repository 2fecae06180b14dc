package dev.vedns.api.conformance;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A real Knot DNS ({@code knotd} from Debian) as an ordinary process on a loopback port: a primary serving one
 * zone file, or a secondary transferring the zone from vedns with a TSIG key.
 */
final class KnotServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Path config;
    final int port;

    /** A primary of {@code zone} loaded from {@code zoneFile}, transferring it to loopback when signed with the key. */
    KnotServer(Path directory, String zone, String zoneFile, String keyName, String secret) throws Exception {
        this(freePort(), directory, zone, prepare(directory, zoneFile), "key:\n  - id: " + keyName
                + "\n    algorithm: hmac-sha256\n    secret: " + secret + "\nacl:\n  - id: signed\n    address: 127.0.0.0/8\n"
                + "    key: " + keyName + "\n    action: transfer\n", "loaded, serial");
    }

    private static String prepare(Path directory, String zoneFile) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("zone.db");
        Files.writeString(file, zoneFile);
        return "    file: " + file + "\n    journal-content: none\n    zonefile-load: whole\n    acl: signed\n";
    }

    /**
     * A secondary of {@code zone} that transfers it from the primary at {@code primaryPort} of 127.0.0.1, signing
     * with the key ({@code keyName}, hmac-sha256, {@code secret}), and takes NOTIFY from it signed with the same.
     */
    static KnotServer secondary(int port, Path directory, String zone, int primaryPort, String keyName, String secret)
            throws Exception {
        return secondary(port, directory, zone, primaryPort, keyName, secret, null);
    }

    /**
     * A secondary of the primary on 127.0.0.1, signing with the key unless {@code secret} is null, and asking from
     * {@code via} (a loopback address of its own) unless that is null.
     */
    static KnotServer secondary(int port, Path directory, String zone, int primaryPort, String keyName, String secret,
                                String via) throws Exception {
        Files.createDirectories(directory);
        String key = secret == null ? "" : "    key: " + keyName + "\n";
        String keys = (secret == null ? "" : "key:\n  - id: " + keyName + "\n    algorithm: hmac-sha256\n    secret: "
                + secret + "\n")
                + "remote:\n  - id: vedns\n    address: 127.0.0.1@" + primaryPort + "\n" + key
                + (via == null ? "" : "    via: " + via + "\n")
                + "acl:\n  - id: from-vedns\n    address: 127.0.0.0/8\n" + key + "    action: notify\n"
                + "  - id: to-tests\n    address: 127.0.0.0/8\n" + key + "    action: transfer\n";
        String zoneOptions = "    file: " + directory.resolve("zone.db") + "\n    master: vedns\n"
                + "    acl: [from-vedns, to-tests]\n"
                + "    journal-content: none\n    zonefile-sync: 0\n";
        return new KnotServer(port, directory, zone, zoneOptions, keys, "started");
    }

    private KnotServer(int port, Path directory, String zone, String zoneOptions, String preamble, String ready)
            throws Exception {
        this.port = port;
        Files.createDirectories(directory.resolve("db"));
        this.config = directory.resolve("knot.conf");
        Files.writeString(config, "server:\n"
                + "    listen: 127.0.0.1@" + port + "\n"
                + "    rundir: " + directory + "\n"
                + "log:\n  - target: stderr\n    any: info\n"
                + "database:\n    storage: " + directory.resolve("db") + "\n"
                + preamble
                + "zone:\n  - domain: " + zone + "\n" + zoneOptions);
        log = directory.resolve("knotd.log");
        String knotd = Files.isExecutable(Path.of("/usr/sbin/knotd")) ? "/usr/sbin/knotd" : "knotd";
        process = new ProcessBuilder(knotd, "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitLog(ready);
    }

    /** Asks knotd (through knotc and its control socket) to check the zone's serial with its primary now. */
    void refresh(String zone) throws Exception {
        Process knotc = new ProcessBuilder("/usr/sbin/knotc", "-c", config.toString(), "zone-refresh", zone)
                .redirectErrorStream(true).start();
        String output = new String(knotc.getInputStream().readAllBytes());
        if (!knotc.waitFor(30, TimeUnit.SECONDS) || knotc.exitValue() != 0) {
            throw new AssertionError("knotc zone-refresh failed: " + output);
        }
    }

    /** What knotd has logged so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitLog(String ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("knotd exited:\n" + output);
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("knotd did not log '" + ready + "':\n" + Files.readString(log));
    }

    /**
     * A port free on both UDP and TCP right now, below the kernel's ephemeral range (32768 and up on Linux), so that
     * no outgoing connection takes it between now and the server binding it.
     */
    static int freePort() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket tcp = new ServerSocket(port); DatagramSocket udp = new DatagramSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port for a DNS server");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

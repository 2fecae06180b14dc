package dev.vedns.api.conformance;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real Knot DNS ({@code knotd} from Debian) serving one zone file on a loopback port, as an ordinary process. */
final class KnotServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    KnotServer(Path directory, String zone, String zoneFile) throws Exception {
        port = freePort();
        Files.createDirectories(directory.resolve("db"));
        Path file = directory.resolve("zone.db");
        Files.writeString(file, zoneFile);
        Path config = directory.resolve("knot.conf");
        Files.writeString(config, "server:\n"
                + "    listen: 127.0.0.1@" + port + "\n"
                + "    rundir: " + directory + "\n"
                + "log:\n  - target: stderr\n    any: info\n"
                + "database:\n    storage: " + directory.resolve("db") + "\n"
                + "zone:\n  - domain: " + zone + "\n    file: " + file + "\n"
                + "    journal-content: none\n    zonefile-load: whole\n");
        log = directory.resolve("knotd.log");
        String knotd = Files.isExecutable(Path.of("/usr/sbin/knotd")) ? "/usr/sbin/knotd" : "knotd";
        process = new ProcessBuilder(knotd, "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitLoaded();
    }

    private void awaitLoaded() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.contains("loaded, serial")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("knotd exited:\n" + output);
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("knotd did not load the zone:\n" + Files.readString(log));
    }

    /** A port free on both UDP and TCP right now. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for knotd");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package dev.vedns.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's packages, run by the test as the {@code postgres} user on a free
 * port of 127.0.0.1 with its own data directory: a primary made by initdb, or a streaming replica of one made by
 * pg_basebackup -R; optionally inside a network namespace, where every command of it then runs. Needs root (CI
 * runs as root; .ci/run installs postgresql).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String MONITOR = "vedns_monitor";
    public static final String MONITOR_PASSWORD = "monitor-secret";

    private static final Path BIN = binaries();

    private final List<String> inside;
    private final Path home;
    private final Path data;
    final String host;
    final int port;

    private PostgresServer(List<String> inside, Path home, String host, int port) {
        this.inside = List.copyOf(inside);
        this.home = home;
        this.data = home.resolve("data");
        this.host = host;
        this.port = port;
    }

    /** A primary on 127.0.0.1 and a free port. */
    static PostgresServer primary() throws Exception {
        return primary("127.0.0.1", freePort());
    }

    /** A primary with WAL for replicas and the probe's role (pg_monitor, a password), on {@code host:port}. */
    static PostgresServer primary(String host, int port) throws Exception {
        return primary(List.of(), host, port);
    }

    /**
     * The same, with every command prefixed by {@code inside} (e.g. {@code ip netns exec <ns>}); its replicas
     * run there too.
     */
    public static PostgresServer primary(List<String> inside, String host, int port) throws Exception {
        PostgresServer server = new PostgresServer(inside, ownedDirectory(), host, port);
        server.asPostgres(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + server.passwordFile());
        Files.writeString(server.data.resolve("pg_hba.conf"), "local all all trust\n"
                + "host all postgres 127.0.0.0/8 trust\nhost replication postgres 127.0.0.0/8 trust\n"
                + "host all all 127.0.0.0/8 scram-sha-256\n");
        server.configure();
        server.start();
        server.sql("create role " + MONITOR + " login password '" + MONITOR_PASSWORD + "' in role pg_monitor");
        return server;
    }

    /** A streaming replica of this primary on 127.0.0.1 and a free port, started. */
    PostgresServer replica() throws Exception {
        return replica("127.0.0.1", freePort());
    }

    /** A streaming replica of this primary on {@code host:port}, started. */
    public PostgresServer replica(String host, int port) throws Exception {
        PostgresServer replica = new PostgresServer(inside, ownedDirectory(), host, port);
        asPostgres(BIN.resolve("pg_basebackup").toString(), "-h", this.host, "-p", Integer.toString(this.port),
                "-U", "postgres", "-D", replica.data.toString(), "-R", "-X", "stream", "-c", "fast");
        replica.configure();
        replica.start();
        return replica;
    }

    public void start() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("log").toString(),
                "-w", "-t", "60", "start");
    }

    public void stop() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    public void promote() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "promote");
    }

    /** SIGKILL to the postmaster, as in a crash of the machine's database: no shutdown, no checkpoint. */
    public void kill() throws Exception {
        String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).redirectErrorStream(true).start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -9 " + pid);
        Path proc = Path.of("/proc", pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(proc) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Files.deleteIfExists(data.resolve("postmaster.pid"));
    }

    /** Runs {@code statement} as the postgres superuser and returns what psql printed (unaligned, no header). */
    public String sql(String statement) throws Exception {
        return asPostgres(BIN.resolve("psql").toString(), "-h", host, "-p", Integer.toString(port), "-U",
                "postgres", "-d", "postgres", "-At", "-v", "ON_ERROR_STOP=1", "-c", statement).trim();
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void configure() throws IOException {
        Files.writeString(data.resolve("postgresql.auto.conf"), "port = " + port + "\nlisten_addresses = '" + host + "'\n"
                + "unix_socket_directories = '" + home + "'\nwal_level = replica\nmax_wal_senders = 4\n"
                + "fsync = off\nshared_buffers = 16MB\n", StandardOpenOption.APPEND);
    }

    private String passwordFile() throws Exception {
        Path file = home.resolve("pwfile");
        Files.writeString(file, "postgres-secret\n");
        chown(file);
        return file.toString();
    }

    /**
     * psql as a client would run it, with a connection string naming any host (e.g. an endpoint's DNS name, which
     * libpq resolves through the system resolver), run as the postgres user with {@code inside} in front.
     */
    public static String psql(List<String> inside, String connection, String statement) throws Exception {
        return run(inside, Path.of("/tmp"), BIN.resolve("psql").toString(), "-At", "-v", "ON_ERROR_STOP=1",
                connection, "-c", statement).trim();
    }

    private String asPostgres(String... command) throws Exception {
        return run(inside, home, command);
    }

    private static String run(List<String> inside, Path directory, String... command) throws Exception {
        List<String> full = new ArrayList<>(inside);
        full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** A directory the postgres user owns, under /tmp (the test's own temporary directories are root's alone). */
    private static Path ownedDirectory() throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "vedns-pg-");
        chown(home);
        return home;
    }

    private static void chown(Path path) throws Exception {
        Process chown = new ProcessBuilder("chown", "postgres:postgres", path.toString()).redirectErrorStream(true).start();
        assertTrue(chown.waitFor(30, TimeUnit.SECONDS) && chown.exitValue() == 0, "chown needs root");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The newest PostgreSQL that Debian installed, e.g. /usr/lib/postgresql/15/bin. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.comparingInt(path -> Integer.parseInt(path.getFileName().toString())))
                    .orElseThrow().resolve("bin");
        } catch (IOException | RuntimeException missing) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install -y postgresql", missing);
        }
    }
}

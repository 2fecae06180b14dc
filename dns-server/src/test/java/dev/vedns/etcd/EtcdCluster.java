package dev.vedns.etcd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real etcd cluster from Debian's {@code etcd-server}: each member an ordinary process on loopback ports with
 * a data directory of its own, which a test may SIGKILL and start again. Elections are quick (heartbeat 50 ms,
 * election timeout 500 ms) so that a test sees a new leader within a second.
 */
public final class EtcdCluster implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One member: its ports, its directory, and the process while it runs. */
    private static final class Member {
        final String name;
        final int clientPort;
        final int peerPort;
        final Path directory;
        Process process;

        Member(String name, int clientPort, int peerPort, Path directory) {
            this.name = name;
            this.clientPort = clientPort;
            this.peerPort = peerPort;
            this.directory = directory;
        }
    }

    private final Path directory;
    private final List<Member> members = new ArrayList<>();
    private final String initialCluster;

    private EtcdCluster(Path directory, int size) throws IOException {
        this.directory = directory;
        for (int i = 0; i < size; i++) {
            members.add(new Member("m" + i, freePort(), freePort(), directory.resolve("m" + i)));
        }
        this.initialCluster = members.stream().map(member -> member.name + "=http://127.0.0.1:" + member.peerPort)
                .collect(Collectors.joining(","));
    }

    /** A cluster of {@code size} members, each answering with a leader elected, before this returns. */
    public static EtcdCluster start(int size) throws Exception {
        EtcdCluster cluster = new EtcdCluster(Files.createTempDirectory("vedns-etcd-"), size);
        try {
            for (int i = 0; i < size; i++) {
                cluster.launch(i, "new");
            }
            for (int i = 0; i < size; i++) {
                cluster.awaitHealthy(i, Duration.ofSeconds(30));
            }
            return cluster;
        } catch (Exception failure) {
            cluster.close();
            throw failure;
        }
    }

    public List<URI> endpoints() {
        return members.stream().map(member -> URI.create("http://127.0.0.1:" + member.clientPort)).toList();
    }

    /** The command-line settings of a vedns instance on this cluster, with its keys under {@code prefix}. */
    public List<String> vednsSettings(String prefix) {
        List<String> settings = new ArrayList<>(List.of("--vedns.store=etcd", "--vedns.etcd.prefix=" + prefix));
        for (int i = 0; i < members.size(); i++) {
            settings.add("--vedns.etcd.endpoints[" + i + "]=http://127.0.0.1:" + members.get(i).clientPort);
        }
        return settings;
    }

    public int size() {
        return members.size();
    }

    /** SIGKILL: the member stops at once, as when its machine dies. */
    public void kill(int index) throws InterruptedException {
        Member member = members.get(index);
        if (member.process != null) {
            member.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            member.process = null;
        }
    }

    /** Starts a killed member again on its data directory. */
    public void restart(int index) throws IOException {
        launch(index, "existing");
    }

    /** Until the member answers its health check with a quorum behind it. */
    public void awaitHealthy(int index, Duration limit) throws Exception {
        URI health = URI.create("http://127.0.0.1:" + members.get(index).clientPort + "/health");
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"true\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("etcd member " + index + " is not healthy:\n" + log(index));
            }
            Thread.sleep(50);
        }
    }

    public String log(int index) throws IOException {
        Path log = members.get(index).directory.resolve("etcd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void launch(int index, String state) throws IOException {
        Member member = members.get(index);
        Files.createDirectories(member.directory);
        String client = "http://127.0.0.1:" + member.clientPort;
        String peer = "http://127.0.0.1:" + member.peerPort;
        member.process = new ProcessBuilder("etcd", "--name", member.name,
                "--data-dir", member.directory.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", initialCluster, "--initial-cluster-state", state,
                "--initial-cluster-token", directory.getFileName().toString(),
                "--heartbeat-interval", "50", "--election-timeout", "500")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(member.directory.resolve("etcd.log").toFile()))
                .start();
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < members.size(); i++) {
            kill(i);
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.vedns.transport;

import dev.vedns.Fleet;
import dev.vedns.Vedns;
import dev.vedns.engine.RoutingEngine;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * vedns built through the facade on a data directory of its own, DNS on a loopback ephemeral port, holding
 * the standard fleet; with clients for tests.
 */
final class RunningServer implements AutoCloseable {

    private final Path directory;
    private final Vedns vedns;
    final DnsListener server;

    RunningServer(DnsListenerSettings settings) throws IOException, InterruptedException {
        this.directory = Files.createTempDirectory("vedns-dns-test");
        this.vedns = Vedns.open(Fleet.settings(directory, settings, 1000, false));
        this.server = vedns.dns();
        Fleet.on(vedns.engine()).standardSet();
    }

    RunningServer(Duration idleTimeout, int maxConnections) throws IOException, InterruptedException {
        this(new DnsListenerSettings("127.0.0.1", 0, idleTimeout, maxConnections, maxConnections, 0, 0, 2));
    }

    RunningServer() throws IOException, InterruptedException {
        this(Duration.ofSeconds(10), 100);
    }

    RoutingEngine engine() {
        return vedns.engine();
    }

    Message udp(Message query) throws IOException {
        return resolver(false).send(query);
    }

    /** A UDP query that must be answered within {@code timeout}: dnsjava does not retry. */
    Message udp(Message query, Duration timeout) throws IOException {
        SimpleResolver resolver = resolver(false);
        resolver.setTimeout(timeout);
        return resolver.send(query);
    }

    Message tcp(Message query) throws IOException {
        return resolver(true).send(query);
    }

    private SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(server.udpAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver;
    }

    Socket connect() throws IOException {
        return connectFrom("127.0.0.1");
    }

    /** A TCP connection from another loopback address, as another client would come. */
    Socket connectFrom(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.tcpAddress().getPort()), 3000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** The length and the message in one write, as resolvers send them (two would meet Nagle's delay). */
    static void writeFrame(Socket socket, byte[] message) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(message.length + 2);
        DataOutputStream out = new DataOutputStream(frame);
        out.writeShort(message.length);
        out.write(message);
        socket.getOutputStream().write(frame.toByteArray());
    }

    static byte[] readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }

    @Override
    public void close() throws IOException {
        vedns.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package dev.vedns.transport;

import dev.vedns.Fleet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/** A real DNS server on a loopback ephemeral port, with clients for tests. */
final class RunningServer implements AutoCloseable {

    final Fleet fleet;
    final DnsServer server;

    RunningServer(Fleet fleet, Duration idleTimeout, int maxConnections) throws InterruptedException {
        this.fleet = fleet;
        this.server = DnsServer.start(new DnsServerSettings("127.0.0.1", 0, idleTimeout, maxConnections, 2),
                fleet.engine());
    }

    RunningServer(Fleet fleet) throws InterruptedException {
        this(fleet, Duration.ofSeconds(10), 100);
    }

    Message udp(Message query) throws IOException {
        return resolver(false).send(query);
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
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.tcpAddress().getPort()), 3000);
        socket.setSoTimeout(5000);
        return socket;
    }

    static void writeFrame(Socket socket, byte[] message) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }

    static byte[] readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }

    @Override
    public void close() {
        server.close();
    }
}

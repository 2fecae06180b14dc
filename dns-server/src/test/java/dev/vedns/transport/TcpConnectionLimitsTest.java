package dev.vedns.transport;

import static dev.vedns.Queries.parse;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Idle connections are closed; one client holds at most its share of connections; a full server makes room by
 * closing the connection idle longest.
 */
class TcpConnectionLimitsTest {

    @Test
    void anIdleConnectionIsClosedByTheServer() throws Exception {
        try (RunningServer dns = new RunningServer(Duration.ofMillis(200), 10);
             Socket socket = dns.connect()) {
            RunningServer.writeFrame(socket, query("postgres.internal.", Type.SOA).toWire());
            assertEquals(Rcode.NOERROR, parse(RunningServer.readFrame(socket)).getRcode());
            // The socket's 5 s read timeout bounds the wait; the server closes after 200 ms of silence.
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void theConnectionIdleLongestMakesRoomForANewOne() throws Exception {
        try (RunningServer dns = new RunningServer(new DnsListenerSettings("127.0.0.1", 0, Duration.ofSeconds(30), 2, 10, 0, 0, 2));
             Socket first = dns.connect(); Socket second = dns.connect()) {
            assertEquals(Rcode.NOERROR, ask(first));
            assertEquals(Rcode.NOERROR, ask(second));
            try (Socket third = dns.connect()) {
                assertEquals(Rcode.NOERROR, ask(third));
                assertEquals(-1, readOrReset(first.getInputStream()), "the idlest connection was closed");
                assertEquals(Rcode.NOERROR, ask(second));
            }
        }
    }

    @Test
    void oneClientHoldsAtMostItsShareAndOthersStillGetIn() throws Exception {
        try (RunningServer dns = new RunningServer(new DnsListenerSettings("127.0.0.1", 0, Duration.ofSeconds(30), 100, 2, 0, 0, 2));
             Socket first = dns.connect(); Socket second = dns.connect()) {
            assertEquals(Rcode.NOERROR, ask(first));
            assertEquals(Rcode.NOERROR, ask(second));
            try (Socket third = dns.connect()) {
                assertEquals(-1, readOrReset(third.getInputStream()), "a third connection of one client is closed");
            }
            try (Socket other = dns.connectFrom("127.0.0.2")) {
                assertEquals(Rcode.NOERROR, ask(other));
            }
            second.close();
            // Freed share is usable again; the close may take a moment to be seen, so retry briefly.
            assertEquals(Rcode.NOERROR, answerOnNewConnection(dns));
        }
    }

    /**
     * 10,000 idle connections from one address (bounded: each connect waits at most 3 s, the whole flood is one
     * loop of 10,000), once the server has seen them all, leave another client's TCP query and any UDP query
     * answered at once: within the 100 ms the sockets below wait.
     */
    @Test
    void tenThousandIdleConnectionsLockNobodyOut() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try (RunningServer dns = new RunningServer(new DnsListenerSettings("127.0.0.1", 0, Duration.ofSeconds(30), 1000, 50, 0, 0, 2))) {
            // Both clients' code paths once before the flood, so what is timed after it is the server, not class loading.
            try (Socket warm = dns.connectFrom("127.0.0.2")) {
                assertEquals(Rcode.NOERROR, ask(warm));
            }
            dns.udp(query("mydb.writer.postgres.internal.", Type.A));
            long started = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", dns.server.tcpAddress().getPort()), 3000);
                flood.add(socket);
            }
            long opened = (System.nanoTime() - started) / 1_000_000;
            // The last connection is beyond the client's share: once it is closed, every connection was seen.
            Socket last = flood.get(flood.size() - 1);
            last.setSoTimeout(30_000);
            assertEquals(-1, readOrReset(last.getInputStream()));
            long settled = (System.nanoTime() - started) / 1_000_000;
            try (Socket other = dns.connectFrom("127.0.0.2")) {
                other.setSoTimeout(100);
                long asked = System.nanoTime();
                assertEquals(Rcode.NOERROR, ask(other));
                long tcpMillis = (System.nanoTime() - asked) / 1_000_000;

                asked = System.nanoTime();
                Message udp = dns.udp(query("mydb.writer.postgres.internal.", Type.A), Duration.ofMillis(100));
                long udpMillis = (System.nanoTime() - asked) / 1_000_000;
                assertEquals(Rcode.NOERROR, udp.getRcode());
                System.out.println("10,000 idle TCP connections opened in " + opened + " ms, all seen by the server after "
                        + settled + " ms; then a TCP query from 127.0.0.2 answered in " + tcpMillis + " ms, a UDP query in "
                        + udpMillis + " ms");
            }
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    private static int ask(Socket socket) throws Exception {
        RunningServer.writeFrame(socket, query("postgres.internal.", Type.SOA).toWire());
        return parse(RunningServer.readFrame(socket)).getRcode();
    }

    private static int answerOnNewConnection(RunningServer dns) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try (Socket socket = dns.connect()) {
                RunningServer.writeFrame(socket, query("postgres.internal.", Type.SOA).toWire());
                return parse(RunningServer.readFrame(socket)).getRcode();
            } catch (java.io.IOException closed) {
                if (System.nanoTime() > deadline) {
                    throw closed;
                }
                Thread.sleep(20);
            }
        }
    }

    private static int readOrReset(InputStream in) throws Exception {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}

package dev.vedns.transport;

import static dev.vedns.Queries.parse;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Idle connections are closed, and connections beyond the limit are closed at once. */
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
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        try (RunningServer dns = new RunningServer(Duration.ofSeconds(30), 2);
             Socket first = dns.connect(); Socket second = dns.connect()) {
            for (Socket socket : new Socket[] {first, second}) {
                RunningServer.writeFrame(socket, query("postgres.internal.", Type.SOA).toWire());
                assertEquals(Rcode.NOERROR, parse(RunningServer.readFrame(socket)).getRcode());
            }
            try (Socket third = dns.connect()) {
                assertEquals(-1, readOrReset(third.getInputStream()));
            }
            second.close();
            // Freed capacity is usable again; the close may take a moment to be seen, so retry briefly.
            assertEquals(Rcode.NOERROR, answerOnNewConnection(dns));
        }
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

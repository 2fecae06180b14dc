package dev.vedns.transport;

import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Thousands of random and truncated packets never stop the server from answering the next valid query. */
class GarbagePacketsTest {

    private static final int PACKETS = 5_000;

    @Test
    void udpSurvivesGarbage() throws Exception {
        try (RunningServer dns = new RunningServer(); DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", dns.server.udpAddress().getPort());
            Random random = new Random(7);
            byte[] valid = query("mydb.writer.postgres.internal.", Type.A).toWire();
            for (int i = 0; i < PACKETS; i++) {
                byte[] packet = i % 2 == 0 ? randomBytes(random, 600) : Arrays.copyOf(valid, random.nextInt(valid.length));
                socket.send(new DatagramPacket(packet, packet.length, target));
            }
            assertEquals(Rcode.NOERROR, udpWithRetries(dns));
        }
    }

    /** The burst may overflow socket buffers and lose a datagram, as on any network: retry as resolvers do. */
    private static int udpWithRetries(RunningServer dns) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return dns.udp(query("mydb.writer.postgres.internal.", Type.A)).getRcode();
            } catch (IOException lost) {
                if (attempt == 5) {
                    throw lost;
                }
            }
        }
    }

    @Test
    void tcpSurvivesGarbage() throws Exception {
        try (RunningServer dns = new RunningServer()) {
            Random random = new Random(11);
            byte[] valid = query("mydb.reader.postgres.internal.", Type.A).toWire();
            for (int connection = 0; connection < 50; connection++) {
                try (Socket socket = dns.connect()) {
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    for (int i = 0; i < PACKETS / 50; i++) {
                        byte[] frame = i % 2 == 0 ? randomBytes(random, 300) : Arrays.copyOf(valid, random.nextInt(valid.length));
                        out.writeShort(frame.length);
                        out.write(frame);
                    }
                    // A lying length prefix: the server waits for bytes that never come, then we hang up.
                    out.writeShort(60_000);
                    out.write(randomBytes(random, 100));
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server may close a connection it cannot make sense of; that is its right.
                }
            }
            assertEquals(Rcode.NOERROR, dns.tcp(query("mydb.reader.postgres.internal.", Type.A)).getRcode());
            assertEquals(Rcode.NOERROR, udpWithRetries(dns));
        }
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }
}

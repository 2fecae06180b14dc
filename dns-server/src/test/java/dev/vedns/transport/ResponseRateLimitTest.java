package dev.vedns.transport;

import static dev.vedns.Queries.parse;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Response rate limiting: a flood from one network gets at most the rate answered, every second answer
 * withheld goes out truncated (so a real client retries over TCP), and another network is answered in full.
 */
class ResponseRateLimitTest {

    private static final int RATE = 100;
    private static final int FLOOD_QUERIES = 2000;
    private static final Duration FLOOD = Duration.ofSeconds(2);

    @Test
    void aFloodGetsTheRateAndSlipsWhileAnotherNetworkIsAnsweredInFull() throws Exception {
        try (RunningServer dns = new RunningServer(new DnsListenerSettings("127.0.0.1", 0, Duration.ofSeconds(10), 100,
                100, RATE, 2, 2));
             DatagramSocket flood = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket other = new DatagramSocket(new InetSocketAddress("127.0.1.1", 0))) {
            InetSocketAddress server = dns.server.udpAddress();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger slipped = new AtomicInteger();
            flood.setSoTimeout(500);
            Thread receiver = new Thread(() -> receive(flood, answered, slipped), "flood-receiver");
            receiver.start();

            byte[] wire = query("mydb.writer.postgres.internal.", Type.A).toWire();
            long started = System.nanoTime();
            long gap = FLOOD.toNanos() / FLOOD_QUERIES;
            int otherAnswered = 0;
            for (int i = 0; i < FLOOD_QUERIES; i++) {
                flood.send(new DatagramPacket(wire, wire.length, server));
                if (i % (FLOOD_QUERIES / 20) == 0) {
                    otherAnswered += askOnce(other, server) ? 1 : 0;
                }
                long due = started + (i + 1) * gap;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            receiver.join(5000);

            int withheld = FLOOD_QUERIES - answered.get() - slipped.get();
            System.out.printf("RRL %d/s: %d queries in %.2f s from one network: %d answered, %d slipped, %d withheld;"
                    + " the other network got %d of 20%n", RATE, FLOOD_QUERIES, seconds, answered.get(), slipped.get(),
                    withheld, otherAnswered);
            int windows = (int) Math.ceil(seconds) + 1;
            assertTrue(answered.get() <= RATE * windows, answered.get() + " answered in " + windows + " windows");
            assertTrue(answered.get() >= RATE, "the rate itself is answered: " + answered.get());
            int refused = FLOOD_QUERIES - answered.get();
            assertTrue(Math.abs(slipped.get() - refused / 2) <= windows, slipped.get() + " slips of " + refused);
            assertEquals(20, otherAnswered, "every query of the other network is answered");
            assertEquals(withheld, dns.server.counters().rateLimited());
        }
    }

    private static void receive(DatagramSocket socket, AtomicInteger answered, AtomicInteger slipped) {
        byte[] buffer = new byte[1232];
        for (int i = 0; i < FLOOD_QUERIES; i++) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return;
            } catch (IOException closed) {
                return;
            }
            Message response = parse(Arrays.copyOf(packet.getData(), packet.getLength()));
            if (response.getHeader().getFlag(Flags.TC)) {
                slipped.incrementAndGet();
            } else if (response.getRcode() == Rcode.NOERROR) {
                answered.incrementAndGet();
            }
        }
    }

    private static boolean askOnce(DatagramSocket socket, InetSocketAddress server) throws Exception {
        byte[] wire = query("mydb.reader.postgres.internal.", Type.A).toWire();
        socket.setSoTimeout(1000);
        socket.send(new DatagramPacket(wire, wire.length, server));
        byte[] buffer = new byte[1232];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message response = parse(Arrays.copyOf(packet.getData(), packet.getLength()));
        return response.getRcode() == Rcode.NOERROR && !response.getHeader().getFlag(Flags.TC)
                && !response.getSection(Section.ANSWER).isEmpty();
    }
}

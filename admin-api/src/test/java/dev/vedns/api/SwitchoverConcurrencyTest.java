package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * While switchovers go back and forth, readers query without pause. Every answer must be one whole state:
 * its CNAME target must be the one that belongs to the SOA serial in the same answer (the NODATA of a TXT
 * query after the chase carries both), and no answer may predate a switchover already acknowledged.
 */
@MicronautTest
class SwitchoverConcurrencyTest {

    private static final int SWITCHOVERS = 100;
    private static final String WRITER = "mydb.writer.postgres.internal.";
    private static final String READER = "mydb.reader.postgres.internal.";

    @Inject
    VednsUnderTest vedns;

    @Test
    void everyAnswerIsABeforeOrAfterStateMatchingItsSerial() throws Exception {
        Api api = vedns.api();
        api.standardFleet();
        long firstSerial = vedns.dns().serial();
        AtomicLong acknowledged = new AtomicLong(firstSerial);
        AtomicBoolean done = new AtomicBoolean();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        InetSocketAddress dns = new InetSocketAddress("127.0.0.1", vedns.listener().udpAddress().getPort());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> readers = new ArrayList<>();
        for (String name : List.of(WRITER, READER)) {
            readers.add(pool.submit(() -> query(dns, name, firstSerial, acknowledged, done, failures)));
        }
        try {
            for (int k = 1; k <= SWITCHOVERS; k++) {
                String promoted = k % 2 == 1 ? "pg-replica-1" : "pg-main";
                expect(200, api.exchange(HttpRequest.POST("/api/v1/servers/" + promoted + "/promote", "{}")
                        .contentType("application/json")));
                acknowledged.set(firstSerial + k);
                String line = vedns.dns().answer(WRITER, Type.CNAME).get(0);
                assertTrue(line.endsWith(promoted + ".postgres.internal."), "right after switchover " + k + ": " + line);
            }
        } finally {
            done.set(true);
            pool.shutdown();
        }
        int answered = 0;
        for (Future<Integer> reader : readers) {
            answered += reader.get(60, TimeUnit.SECONDS);
        }
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(answered >= SWITCHOVERS, "only " + answered + " answers were checked");
    }

    /** Queries one name until told to stop (or 120 s pass); returns how many answers it checked. */
    private static int query(InetSocketAddress dns, String name, long firstSerial, AtomicLong acknowledged,
                             AtomicBoolean done, Queue<String> failures) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        byte[] buffer = new byte[1232];
        int checked = 0;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            while (!done.get() && System.nanoTime() < deadline && failures.size() < 10) {
                long floor = acknowledged.get();
                Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.TXT, DClass.IN));
                byte[] wire = query.toWire();
                socket.send(new DatagramPacket(wire, wire.length, dns));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException lost) {
                    continue;
                }
                Message response = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (response.getHeader().getID() != query.getHeader().getID()) {
                    continue;
                }
                String target = ((CNAMERecord) response.getSection(Section.ANSWER).get(0)).getTarget().toString();
                long serial = ((SOARecord) response.getSection(Section.AUTHORITY).get(0)).getSerial();
                long switchovers = serial - firstSerial;
                boolean swapped = switchovers % 2 == 1;
                String expected = name.equals(WRITER) == swapped ? "pg-replica-1.postgres.internal." : "pg-main.postgres.internal.";
                if (serial < floor) {
                    failures.add(name + " answered serial " + serial + " after serial " + floor + " was acknowledged");
                } else if (switchovers < 0 || switchovers > SWITCHOVERS || !target.equals(expected)) {
                    failures.add(name + " at serial " + serial + " pointed at " + target + ", expected " + expected);
                }
                checked++;
            }
        }
        return checked;
    }
}

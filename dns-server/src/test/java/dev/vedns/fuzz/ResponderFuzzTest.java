package dev.vedns.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.answer.Wire;
import dev.vedns.zone.ZoneSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * Fuzzes the packet path (dnsjava's parse of the query, then the responder) with Jazzer. Without
 * JAZZER_FUZZ these run in regression mode over the inputs kept in src/test/resources; the {@code fuzz}
 * Maven profile runs one of them for as long as asked.
 */
class ResponderFuzzTest {

    /** Far above any real answer's garbage (a few kB); an answer path that allocates more has lost its bound. */
    private static final long ALLOCATION_BOUND = 2 * 1024 * 1024;
    private static final List<String> NAMES = List.of("postgres.internal.", "ns1.postgres.internal.",
            "mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.", "writer.postgres.internal.",
            "pg-main.postgres.internal.", "pg-replica-1.postgres.internal.", "pg-big.postgres.internal.",
            "big.reader.postgres.internal.", "missing.postgres.internal.", "example.com.", ".");
    private static final ZoneSnapshot ZONE = Fleet.standard()
            .primary("pg-big", bigAddresses())
            .pair("pg-big", "big")
            .engine().get();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Raw bytes, as an attacker sends them. */
    @FuzzTest(maxDuration = "10m")
    void anyPacket(byte[] packet) throws IOException {
        for (Transport transport : Transport.values()) {
            check(packet, transport);
        }
    }

    /** Well-formed queries with fuzzed names, types, classes, flags and EDNS, to reach deep into the lookup. */
    @FuzzTest(maxDuration = "10m")
    void structuredQueries(FuzzedDataProvider data) throws IOException {
        Message query = new Message(data.consumeInt(0, 0xFFFF));
        query.getHeader().setOpcode(data.consumeInt(0, 15));
        for (int flag : new int[] {5, 6, 7, 8, 10, 11}) {
            if (data.consumeBoolean()) {
                query.getHeader().setFlag(flag);
            }
        }
        int questions = data.consumeInt(0, 2);
        for (int i = 0; i < questions; i++) {
            query.addRecord(Record.newRecord(name(data), data.consumeInt(0, 0xFFFF), data.pickValue(new int[] {
                    DClass.IN, DClass.CH, DClass.ANY, DClass.NONE, data.consumeInt(0, 0xFFFF)})), Section.QUESTION);
        }
        if (data.consumeBoolean()) {
            List<EDNSOption> options = data.consumeBoolean()
                    ? List.of(new GenericEDNSOption(data.consumeInt(0, 0xFFFF), data.consumeBytes(20))) : List.of();
            query.addRecord(new OPTRecord(data.consumeInt(0, 0xFFFF), data.consumeInt(0, 255), data.consumeInt(0, 255),
                    data.consumeInt(0, 0xFFFF), options), Section.ADDITIONAL);
        }
        byte[] wire = query.toWire();
        for (Transport transport : Transport.values()) {
            check(wire, transport);
        }
    }

    private static Name name(FuzzedDataProvider data) {
        String base = data.pickValue(NAMES);
        if (!data.consumeBoolean()) {
            return Name.fromConstantString(base);
        }
        String label = data.consumeAsciiString(70);
        try {
            return Name.fromString(label.isEmpty() ? base : label + "." + base);
        } catch (TextParseException notAName) {
            return Name.fromConstantString(base);
        }
    }

    /** No exception escapes; a response parses, carries the query's ID and fits its transport. */
    private static void check(byte[] packet, Transport transport) throws IOException {
        // The first answer to an input may load (and, while fuzzing, instrument) classes; measure the second.
        Queries.answer(packet, ZONE, transport);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        byte[] response = Queries.answer(packet, ZONE, transport);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BOUND, "one answer allocated " + allocated + " bytes");
        if (response == null) {
            assertTrue(packet.length < 12 || (packet[2] & 0x80) != 0, "only runts and responses go unanswered");
            return;
        }
        Message parsed = new Message(response);
        assertEquals(((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF), parsed.getHeader().getID());
        assertTrue(response.length <= (transport == Transport.UDP ? Wire.MAX_UDP_PAYLOAD : Wire.MAX_MESSAGE));
    }

    private static String[] bigAddresses() {
        String[] addresses = new String[40];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = "fd00::9:" + Integer.toHexString(i + 1);
        }
        return addresses;
    }
}

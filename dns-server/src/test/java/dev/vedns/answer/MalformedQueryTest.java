package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.parse;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Queries;
import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** FORMERR for what cannot be parsed or has QDCOUNT other than 1, NOTIMP for other opcodes, silence for responses. */
class MalformedQueryTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void aTruncatedPacketIsAFormatErrorWithTheQueryId() {
        byte[] wire = query("mydb.writer.postgres.internal.", Type.A).toWire();
        byte[] cut = Arrays.copyOf(wire, wire.length - 3);
        Message response = parse(Queries.answer(cut, zone, Transport.UDP));
        assertEquals(Rcode.FORMERR, response.getRcode());
        assertEquals(((wire[0] & 0xff) << 8) | (wire[1] & 0xff), response.getHeader().getID());
        assertTrue(response.getHeader().getFlag(Flags.QR));
    }

    @Test
    void packetsShorterThanAHeaderAreDropped() {
        assertNull(Queries.answer(new byte[0], zone, Transport.UDP));
        assertNull(Queries.answer(new byte[11], zone, Transport.TCP));
    }

    @Test
    void responsesAreNeverAnswered() {
        Message response = query("mydb.writer.postgres.internal.", Type.A);
        response.getHeader().setFlag(Flags.QR);
        assertNull(Queries.answer(response.toWire(), zone, Transport.UDP));
    }

    @Test
    void noQuestionOrTwoQuestionsAreFormatErrors() {
        Message none = new Message();
        assertEquals(Rcode.FORMERR, ask(zone, none).getRcode());
        Message two = query("mydb.writer.postgres.internal.", Type.A);
        two.addRecord(query("mydb.reader.postgres.internal.", Type.A).getQuestion(), Section.QUESTION);
        assertEquals(Rcode.FORMERR, ask(zone, two).getRcode());
    }

    @Test
    void opcodesOtherThanQueryAreNotImplemented() {
        for (int opcode : new int[] {Opcode.IQUERY, Opcode.STATUS, Opcode.NOTIFY, Opcode.UPDATE, 3, 15}) {
            Message query = query("postgres.internal.", Type.SOA);
            query.getHeader().setOpcode(opcode);
            Message response = ask(zone, query);
            assertEquals(Rcode.NOTIMP, response.getRcode(), "opcode " + opcode);
            assertEquals(opcode, response.getHeader().getOpcode());
            assertFalse(response.getHeader().getFlag(Flags.AA));
        }
    }

    @Test
    void everyQueryOfAHeaderOrMoreGetsAParsableResponseWithItsId() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] packet = new byte[12 + random.nextInt(68)];
            random.nextBytes(packet);
            packet[2] &= 0x7f;
            Transport transport = i % 2 == 0 ? Transport.UDP : Transport.TCP;
            byte[] response = Queries.answer(packet, zone, transport);
            assertNotNull(response, () -> "no response to " + HexFormat.of().formatHex(packet) + " over " + transport);
            Message parsed = parse(response);
            assertEquals(((packet[0] & 0xff) << 8) | (packet[1] & 0xff), parsed.getHeader().getID());
            assertTrue(parsed.getHeader().getFlag(Flags.QR));
        }
    }
}

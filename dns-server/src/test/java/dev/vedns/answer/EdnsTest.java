package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static dev.vedns.Queries.withEdns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** EDNS(0), RFC 6891: an OPT in gets an OPT out advertising 1232 bytes; other versions get BADVERS. */
class EdnsTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void anOptQueryGetsAnOptAdvertising1232() {
        Message response = ask(zone, withEdns(query("mydb.writer.postgres.internal.", Type.A), 4096, 0, 0));
        OPTRecord opt = response.getOPT();
        assertNotNull(opt);
        assertEquals(1232, opt.getPayloadSize());
        assertEquals(0, opt.getVersion());
        assertEquals(0, opt.getFlags() & ExtendedFlags.DO);
        assertEquals(2, response.getSection(Section.ANSWER).size());
    }

    @Test
    void aQueryWithoutOptGetsNone() {
        assertNull(ask(zone, query("mydb.writer.postgres.internal.", Type.A)).getOPT());
    }

    @Test
    void theDoBitIsCopied() {
        Message response = ask(zone, withEdns(query("mydb.writer.postgres.internal.", Type.A), 1232, 0, ExtendedFlags.DO));
        assertEquals(ExtendedFlags.DO, response.getOPT().getFlags() & ExtendedFlags.DO);
    }

    @Test
    void unknownOptionsAreIgnored() {
        Message query = query("mydb.writer.postgres.internal.", Type.A);
        query.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(65001, new byte[] {1, 2}))),
                Section.ADDITIONAL);
        Message response = ask(zone, query);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getOPT().getOptions().isEmpty());
    }

    @Test
    void versionOneGetsBadvers() {
        Message response = ask(zone, withEdns(query("mydb.writer.postgres.internal.", Type.A), 1232, 1, 0));
        assertEquals(Rcode.BADVERS, response.getRcode());
        assertEquals(0, response.getHeader().getRcode(), "the upper rcode bits travel in the OPT");
        assertEquals(0, response.getOPT().getVersion());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void aFormatErrorStillAnswersEdnsWithEdns() {
        Message noQuestion = new Message();
        noQuestion.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        Message response = ask(zone, noQuestion);
        assertEquals(Rcode.FORMERR, response.getRcode());
        assertEquals(1232, response.getOPT().getPayloadSize());
    }

    @Test
    void twoOptRecordsAreAFormatError() {
        Message query = withEdns(withEdns(query("mydb.writer.postgres.internal.", Type.A), 1232, 0, 0), 1232, 0, 0);
        assertEquals(Rcode.FORMERR, ask(zone, query).getRcode());
    }
}

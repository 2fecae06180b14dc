package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Names match in any letter case and the question comes back exactly as asked (0x20 randomisation). */
class CaseEchoTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void mixedCaseFindsTheNameAndIsEchoed() {
        Message response = ask(zone, query("MyDb.WrItEr.PoStGrEs.InTeRnAl.", Type.A));
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals("MyDb.WrItEr.PoStGrEs.InTeRnAl.", response.getQuestion().getName().toString());
        assertEquals(2, response.getSection(Section.ANSWER).size());
    }

    @Test
    void negativeAnswersEchoTheCaseToo() {
        Message response = ask(zone, query("NoSuch.POSTGRES.internal.", Type.A));
        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertEquals("NoSuch.POSTGRES.internal.", response.getQuestion().getName().toString());
    }
}

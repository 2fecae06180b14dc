package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** NXDOMAIN and NODATA carry the SOA, with its TTL capped at MINIMUM, so resolvers cache them (RFC 2308). */
class NegativeAnswerTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @ParameterizedTest
    @ValueSource(strings = {"nothing.postgres.internal.", "other.writer.postgres.internal.",
            "other.reader.postgres.internal.", "deep.mydb.writer.postgres.internal.", "x.pg-main.postgres.internal."})
    void aMissingNameIsNxdomainWithTheSoa(String name) {
        Message response = ask(zone, query(name, Type.A));
        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertNegativeSoa(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer.postgres.internal.", "reader.postgres.internal.", "WRITER.postgres.internal."})
    void anEmptyNonTerminalIsNodata(String name) {
        for (int type : new int[] {Type.A, Type.AAAA, Type.ANY, Type.CNAME}) {
            Message response = ask(zone, query(name, type));
            assertEquals(Rcode.NOERROR, response.getRcode());
            assertTrue(response.getSection(Section.ANSWER).isEmpty());
            assertNegativeSoa(response);
        }
    }

    @Test
    void writerIsAnEmptyNonTerminalOnlyWhileAPairExists() {
        ZoneSnapshot noPairs = new Fleet().primary("pg-main", "10.0.0.5").engine().get();
        assertEquals(Rcode.NXDOMAIN, ask(noPairs, query("writer.postgres.internal.", Type.A)).getRcode());
    }

    @Test
    void aNameWithoutTheTypeIsNodata() {
        Message response = ask(zone, query("pg-main.postgres.internal.", Type.AAAA));
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertNegativeSoa(response);
        assertEquals(Rcode.NOERROR, ask(zone, query("pg-main.postgres.internal.", Type.MX)).getRcode());
        assertEquals(Rcode.NOERROR, ask(zone, query("pg-main.postgres.internal.", 65534)).getRcode());
    }

    static void assertNegativeSoa(Message response) {
        List<Record> authority = response.getSection(Section.AUTHORITY);
        assertEquals(1, authority.size());
        SOARecord soa = (SOARecord) authority.get(0);
        assertEquals(Fleet.ZONE, soa.getName());
        assertEquals(60, soa.getMinimum());
        assertEquals(60, soa.getTTL(), "the SOA TTL in a negative answer is min(TTL, MINIMUM)");
    }
}

package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static dev.vedns.Queries.withEdns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A UDP answer larger than the client's limit is cut to the question with TC set; TCP carries it whole. */
class TruncationTest {

    /** 40 IPv6 addresses: about 1.2 kB of AAAA, more than 512 and just under 1232 with one name. */
    private final ZoneSnapshot zone = new Fleet()
            .primary("pg-big", IntStream.rangeClosed(1, 40).mapToObj(i -> "fd00::" + Integer.toHexString(i)).toArray(String[]::new))
            .primary("pg-huge", IntStream.rangeClosed(1, 60).mapToObj(i -> "fd00::1:" + Integer.toHexString(i)).toArray(String[]::new))
            .pair("pg-big", "big")
            .engine().get();

    @Test
    void wholeRrsetsThatFitAreKeptBeforeTheOneThatDoesNot() {
        Message response = ask(zone, query("big.reader.postgres.internal.", Type.AAAA));
        assertTrue(response.getHeader().getFlag(Flags.TC));
        assertEquals(1, response.getSection(Section.ANSWER).size());
        assertEquals(Type.CNAME, response.getSection(Section.ANSWER).get(0).getType());
    }

    @Test
    void withoutEdnsTheLimitIs512() {
        Message response = ask(zone, query("pg-big.postgres.internal.", Type.AAAA));
        assertTrue(response.getHeader().getFlag(Flags.TC));
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertEquals("pg-big.postgres.internal.", response.getQuestion().getName().toString());
    }

    @Test
    void ednsRaisesTheLimitToTheClientsSize() {
        Message response = ask(zone, withEdns(query("pg-big.postgres.internal.", Type.AAAA), 1232, 0, 0));
        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(40, response.getSection(Section.ANSWER).size());
    }

    @Test
    void aClientOfferingMoreThan1232IsStillCappedAt1232() {
        Message response = ask(zone, withEdns(query("pg-huge.postgres.internal.", Type.AAAA), 4096, 0, 0));
        assertTrue(response.getHeader().getFlag(Flags.TC));
        assertNotNull(response.getOPT(), "a truncated answer keeps its OPT");
    }

    @Test
    void aClientOfferingLessThan512IsTreatedAs512() {
        Message response = ask(zone, withEdns(query("pg-main.postgres.internal.", Type.SOA), 100, 0, 0));
        assertFalse(response.getHeader().getFlag(Flags.TC));
    }

    @Test
    void tcpIsNeverTruncated() {
        Message response = ask(zone, query("pg-huge.postgres.internal.", Type.AAAA), Transport.TCP);
        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(60, response.getSection(Section.ANSWER).size());
    }
}

package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The apex holds SOA and NS, and the name server's address is in the zone. */
class ApexTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void soaNamesTheNameServerAndHostmaster() {
        String serial = Long.toString(zone.serial());
        assertEquals(List.of("postgres.internal.\t3600\tIN\tSOA\tns1.postgres.internal. hostmaster.postgres.internal. "
                        + serial + " 3600 600 604800 60"),
                CnameChaseTest.lines(ask(zone, query("postgres.internal.", Type.SOA)), Section.ANSWER));
    }

    @Test
    void nsAndItsAddressAreServed() {
        assertEquals(List.of("postgres.internal.\t3600\tIN\tNS\tns1.postgres.internal."),
                CnameChaseTest.lines(ask(zone, query("postgres.internal.", Type.NS)), Section.ANSWER));
        assertEquals(List.of("ns1.postgres.internal.\t3600\tIN\tA\t127.0.0.1"),
                CnameChaseTest.lines(ask(zone, query("ns1.postgres.internal.", Type.A)), Section.ANSWER));
    }

    @Test
    void anNsAnswerCarriesTheNameServersAddressInAdditional() {
        assertEquals(List.of("ns1.postgres.internal.\t3600\tIN\tA\t127.0.0.1"),
                CnameChaseTest.lines(ask(zone, query("postgres.internal.", Type.NS)), Section.ADDITIONAL));
        assertEquals(List.of(), CnameChaseTest.lines(ask(zone, query("pg-main.postgres.internal.", Type.A)), Section.ADDITIONAL));
    }

    @Test
    void anyAtTheApexListsSoaAndNs() {
        List<String> answer = CnameChaseTest.lines(ask(zone, query("postgres.internal.", Type.ANY)), Section.ANSWER);
        assertEquals(2, answer.size());
        assertEquals(List.of("SOA", "NS"), answer.stream().map(line -> line.split("\t")[3]).toList());
    }
}

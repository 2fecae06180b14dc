package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A, AAAA and ANY on an endpoint name answer the CNAME and the target's RRset, inside the zone. */
class CnameChaseTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void writerAnswersCnameToThePrimaryAndItsAddress() {
        Message response = ask(zone, query("mydb.writer.postgres.internal.", Type.A));
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertEquals(List.of(
                "mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), lines(response, Section.ANSWER));
        assertTrue(response.getSection(Section.AUTHORITY).isEmpty());
    }

    @Test
    void readerAnswersCnameToTheReplicaAndItsAddresses() {
        assertEquals(List.of(
                "mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-replica-1.postgres.internal.",
                "pg-replica-1.postgres.internal.\t30\tIN\tAAAA\tfd00:0:0:0:0:0:0:6"),
                lines(ask(zone, query("mydb.reader.postgres.internal.", Type.AAAA)), Section.ANSWER));
    }

    @Test
    void anyFollowsTheCnameToEveryRrsetOfTheTarget() {
        assertEquals(List.of(
                "mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-replica-1.postgres.internal.",
                "pg-replica-1.postgres.internal.\t30\tIN\tA\t10.0.0.6",
                "pg-replica-1.postgres.internal.\t30\tIN\tAAAA\tfd00:0:0:0:0:0:0:6"),
                lines(ask(zone, query("mydb.reader.postgres.internal.", Type.ANY)), Section.ANSWER));
    }

    @Test
    void aCnameQueryGetsTheCnameOnly() {
        assertEquals(List.of("mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal."),
                lines(ask(zone, query("mydb.writer.postgres.internal.", Type.CNAME)), Section.ANSWER));
    }

    @Test
    void aChaseEndingWithoutTheTypeIsNodataWithTheSoa() {
        Message response = ask(zone, query("mydb.writer.postgres.internal.", Type.AAAA));
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(List.of("mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal."),
                lines(response, Section.ANSWER));
        List<Record> authority = response.getSection(Section.AUTHORITY);
        assertEquals(1, authority.size());
        assertEquals(Type.SOA, authority.get(0).getType());
    }

    @Test
    void otherTypesOnAnEndpointNameStillFollowTheCname() {
        Message response = ask(zone, query("mydb.writer.postgres.internal.", Type.TXT));
        assertEquals(Type.CNAME, response.getSection(Section.ANSWER).get(0).getType());
        assertEquals(Type.SOA, response.getSection(Section.AUTHORITY).get(0).getType());
    }

    static List<String> lines(Message response, int section) {
        return response.getSection(section).stream().map(Record::toString).toList();
    }
}

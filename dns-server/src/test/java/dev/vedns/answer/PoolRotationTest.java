package dev.vedns.answer;

import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.zone.AnswerSlots;
import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A pooled reader answers each of its members in turn, on the fast path and on the general one: each answer is
 * exactly the answer a reader of that one member gets, but for the pool's shorter TTL.
 */
class PoolRotationTest {

    private static final String READER = "app.reader.postgres.internal.";

    private final Fleet fleet = new Fleet().primary("pg-a", "10.0.0.1").replica("pg-b", "pg-a", "10.0.0.2")
            .replica("pg-c", "pg-a", "10.0.0.3").replica("pg-d", "pg-a", "10.0.0.4")
            .pair("pg-a", "app", "pg-b", "pg-c", "pg-d");

    @Test
    void nineThousandQueriesGiveEachOfThreeMembersItsThird() {
        ZoneSnapshot zone = fleet.engine().get();
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < 9000; i++) {
            answered.merge(target(Queries.ask(zone, query(READER, Type.A))), 1, Integer::sum);
        }
        assertEquals(3, answered.size(), answered.toString());
        answered.values().forEach(count -> assertTrue(Math.abs(count - 3000) <= 150, answered.toString()));
    }

    @Test
    void theGeneralPathTakesItsTurnsToo() {
        ZoneSnapshot zone = fleet.engine().get();
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            // An EDNS option the fast path does not parse sends the query the general way.
            Message query = query(READER, Type.A);
            query.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(65001, new byte[] {1}))),
                    Section.ADDITIONAL);
            answered.merge(target(Queries.ask(zone, query)), 1, Integer::sum);
        }
        assertEquals(Map.of("pg-b", 100, "pg-c", 100, "pg-d", 100), answered);
    }

    @Test
    void eachAnswerIsThatOfAReaderOfThatMemberWithThePoolTtl() {
        ZoneSnapshot zone = fleet.engine().get();
        for (int i = 0; i < 6; i++) {
            List<Record> answer = Queries.ask(zone, query(READER, Type.A)).getSection(Section.ANSWER);
            String member = answer.get(0).rdataToString();
            String address = member.startsWith("pg-b") ? "10.0.0.2" : member.startsWith("pg-c") ? "10.0.0.3" : "10.0.0.4";
            assertEquals(List.of(READER + "\t1\tIN\tCNAME\t" + member, member + "\t30\tIN\tA\t" + address),
                    answer.stream().map(Record::toString).toList());
        }
    }

    @Test
    void eachMembersCachedAnswerNamesThatMember() {
        ZoneSnapshot zone = fleet.engine().get();
        for (int i = 0; i < 6; i++) {
            Queries.answer(query(READER, Type.A).toWire(), zone, Transport.UDP);
        }
        for (ZoneNode member : zone.node(Name.fromConstantString(READER)).alternatives()) {
            String target = ((CNAMERecord) member.rrset(Type.CNAME).get(0)).getTarget().getLabelString(0);
            String cached = new String(member.answer(AnswerSlots.of(Type.A)), StandardCharsets.ISO_8859_1);
            for (String other : List.of("pg-b", "pg-c", "pg-d")) {
                assertEquals(other.equals(target), cached.contains(other), target + "'s answer names " + other + "?");
            }
        }
    }

    @Test
    void aPoolOfOneIsAnOrdinaryReaderWithTheEndpointTtl() {
        fleet.engine().apply(new RoutingCommand.PatchEndpoint("pg-a", "app", List.of("pg-c")));
        List<Record> answer = Queries.ask(fleet.engine().get(), query(READER, Type.CNAME)).getSection(Section.ANSWER);
        assertEquals(List.of(READER + "\t5\tIN\tCNAME\tpg-c.postgres.internal."),
                answer.stream().map(Record::toString).toList());
    }

    private static String target(Message response) {
        return response.getSection(Section.ANSWER).get(0).rdataToString().split("\\.")[0];
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A reader of three members, made through the API and asked over real UDP and TCP sockets: each member gets
 * its third of the answers, and promotions treat the pool as the README's table says.
 */
@MicronautTest(rebuildContext = true)
class ReaderPoolApiTest {

    private static final String PAIR = "/api/v1/servers/pg-main/virtual-endpoints/mydb";
    private static final String READER = "mydb.reader.postgres.internal.";
    private static final int QUERIES = 9000;

    @Inject
    VednsUnderTest vedns;

    private Api api;
    private Dns dns;

    @BeforeEach
    void poolOfThree() {
        api = vedns.api();
        dns = vedns.dns();
        api.standardFleet();
        expect(201, api.put("/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.7\"]}"));
        expect(201, api.put("/api/v1/servers/pg-replica-3", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.8\"]}"));
        Map<String, Object> pair = expect(200, api.patch(PAIR,
                "{\"members\":[\"pg-replica-1\",\"pg-replica-2\",\"pg-replica-3\"]}")).json();
        assertEquals(List.of("pg-replica-1", "pg-replica-2", "pg-replica-3"), pair.get("members"));
        assertEquals(List.of("pg-replica-1", "pg-replica-2", "pg-replica-3"),
                ((Map<?, ?>) pair.get("reader")).get("effectiveTargets"));
    }

    @Test
    void nineThousandUdpQueriesGiveEachMemberAThirdWithThePoolTtl() throws IOException {
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < QUERIES; i++) {
            Message response = dns.udp(READER, Type.A);
            assertEquals(1, response.getSection(Section.ANSWER).get(0).getTTL(), "vedns.ttl.pool");
            answered.merge(target(response), 1, Integer::sum);
        }
        assertThirds(answered);
    }

    @Test
    void nineThousandTcpQueriesGiveEachMemberAThird() throws IOException {
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < QUERIES; i++) {
            answered.merge(target(dns.tcp(READER, Type.A)), 1, Integer::sum);
        }
        assertThirds(answered);
    }

    @Test
    void aSwitchoverToAMemberPutsTheFormerPrimaryInItsPlaceInDns() throws IOException {
        expect(200, api.post("/api/v1/servers/pg-replica-2/promote", "{\"promoteMode\":\"Switchover\"}"));
        Map<String, Object> pair = expect(200, api.get("/api/v1/servers/pg-replica-2/virtual-endpoints/mydb")).json();
        assertEquals(List.of("pg-replica-1", "pg-main", "pg-replica-3"), pair.get("members"));
        assertEquals(Map.of("pg-replica-1", 1, "pg-main", 1, "pg-replica-3", 1), targets(3));
        assertEquals("pg-replica-2", target(dns.udp("mydb.writer.postgres.internal.", Type.A)));
    }

    @Test
    void aStandalonePromotionTakesTheMemberOutOfThePoolInDns() throws IOException {
        expect(200, api.post("/api/v1/servers/pg-replica-3/promote", "{\"promoteMode\":\"Standalone\"}"));
        assertEquals(List.of("pg-replica-1", "pg-replica-2"), expect(200, api.get(PAIR)).json().get("members"));
        assertEquals(Map.of("pg-replica-1", 2, "pg-replica-2", 2), targets(4));
    }

    @Test
    void aSwitchoverToAServerOutsideThePoolIsRefusedAndChangesNothing() throws IOException {
        expect(201, api.put("/api/v1/servers/pg-replica-4", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.9\"]}"));
        Api.Reply refused = expect(409, api.post("/api/v1/servers/pg-replica-4/promote", "{}"));
        assertTrue(String.valueOf(refused.json().get("detail")).contains("add 'pg-replica-4' to the reader's pool first"));
        assertEquals(Map.of("pg-replica-1", 1, "pg-replica-2", 1, "pg-replica-3", 1), targets(3));
    }

    private Map<String, Integer> targets(int queries) throws IOException {
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < queries; i++) {
            answered.merge(target(dns.udp(READER, Type.A)), 1, Integer::sum);
        }
        return answered;
    }

    private static void assertThirds(Map<String, Integer> answered) {
        assertEquals(3, answered.size(), answered.toString());
        for (int count : answered.values()) {
            assertTrue(Math.abs(count - QUERIES / 3) <= QUERIES / 3 / 20, "each member 3,000 +- 5 %: " + answered);
        }
    }

    private static String target(Message response) {
        return response.getSection(Section.ANSWER).get(0).rdataToString().split("\\.")[0];
    }
}

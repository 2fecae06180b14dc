package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Custom endpoints through the API and real DNS: definitions, following the set, export and import. */
@MicronautTest(rebuildContext = true)
class CustomEndpointsApiTest {

    private static final String CUSTOMS = "/api/v1/servers/pg-main/custom-endpoints";

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void setWithThreeReplicas() {
        api = vedns.api();
        api.standardFleet();
        for (int i = 2; i <= 3; i++) {
            expect(201, api.put("/api/v1/servers/pg-replica-" + i, "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0." + (5 + i) + "\"]}"));
        }
    }

    @Test
    void aStaticListAndAnExclusionListAnswerInTurnAndTheExclusionListGainsANewReplica() throws IOException {
        Map<String, Object> analytics = expect(201, api.put(CUSTOMS + "/analytics",
                "{\"type\":\"Reader\",\"members\":[\"pg-replica-2\",\"pg-replica-3\"]}")).json();
        assertEquals(Map.of("name", "analytics", "serverName", "pg-main", "type", "Reader",
                "members", List.of("pg-replica-2", "pg-replica-3"), "fqdn", "analytics.custom.postgres.internal",
                "targets", List.of("pg-replica-2", "pg-replica-3"),
                "effectiveTargets", List.of("pg-replica-2", "pg-replica-3")), analytics);
        expect(201, api.put(CUSTOMS + "/reporting", "{\"type\":\"Reader\",\"excludedMembers\":[\"pg-replica-1\"]}"));
        assertEquals(List.of("pg-replica-2", "pg-replica-3"), dns("analytics", 4));
        assertEquals(List.of("pg-replica-2", "pg-replica-3"), dns("reporting", 4));

        expect(201, api.put("/api/v1/servers/pg-replica-4", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.9\"]}"));
        assertEquals(List.of("pg-replica-2", "pg-replica-3", "pg-replica-4"), dns("reporting", 6),
                "a replica registered afterwards joins, without any call on the custom endpoint");
        assertEquals(List.of("pg-replica-2", "pg-replica-3"), dns("analytics", 4), "a static list does not");
        assertEquals(List.of("analytics", "reporting"),
                expect(200, api.get(CUSTOMS)).jsonList().stream().map(item -> item.get("name")).toList());
    }

    @Test
    void aSwitchoverMovesThemToTheNewPrimaryAndTheFormerPrimaryJoinsUnlessExcluded() throws IOException {
        expect(201, api.put(CUSTOMS + "/reporting", "{\"type\":\"Reader\",\"excludedMembers\":[]}"));
        expect(201, api.put(CUSTOMS + "/no-old", "{\"type\":\"Reader\",\"excludedMembers\":[\"pg-main\"]}"));
        expect(200, api.post("/api/v1/servers/pg-replica-1/promote", "{\"promoteMode\":\"Switchover\"}"));
        String moved = "/api/v1/servers/pg-replica-1/custom-endpoints";
        assertEquals(List.of("pg-main", "pg-replica-2", "pg-replica-3"),
                expect(200, api.get(moved + "/reporting")).json().get("targets"));
        assertEquals(List.of("pg-main", "pg-replica-2", "pg-replica-3"), dns("reporting", 6));
        assertEquals(List.of("pg-replica-2", "pg-replica-3"), dns("no-old", 4));
        expect(404, api.get(CUSTOMS + "/reporting"));
    }

    @Test
    void aSwitchoverGivesAReaderListsPromotedMembersPlaceToTheFormerPrimary() throws IOException {
        expect(201, api.put(CUSTOMS + "/analytics", "{\"type\":\"Reader\",\"members\":[\"pg-replica-1\",\"pg-replica-2\"]}"));
        expect(201, api.put(CUSTOMS + "/anyone", "{\"type\":\"Any\",\"members\":[\"pg-replica-1\"]}"));
        expect(200, api.post("/api/v1/servers/pg-replica-1/promote", "{\"promoteMode\":\"Switchover\"}"));
        Map<String, Object> analytics = expect(200, api.get("/api/v1/servers/pg-replica-1/custom-endpoints/analytics"))
                .json();
        assertEquals(List.of("pg-main", "pg-replica-2"), analytics.get("members"));
        assertEquals(List.of("pg-main", "pg-replica-2"), dns("analytics", 4));
        assertEquals(List.of("pg-replica-1"), dns("anyone", 2), "Any keeps the promoted server, now the primary");
    }

    @Test
    void theListPagesLikeEveryListAcrossAChange() {
        for (String name : List.of("c-1", "c-2", "c-3", "c-4")) {
            expect(201, api.put(CUSTOMS + "/" + name, "{\"type\":\"Reader\",\"excludedMembers\":[]}"));
        }
        Api.Reply first = expect(200, api.get(CUSTOMS + "?limit=2&prefix=c-"));
        assertEquals(List.of("c-1", "c-2"), first.jsonList().stream().map(item -> item.get("name")).toList());
        expect(204, api.delete(CUSTOMS + "/c-3"));
        String next = first.link().substring(1, first.link().indexOf('>'));
        assertEquals(List.of("c-4"), expect(200, api.get(next)).jsonList().stream().map(item -> item.get("name")).toList());
    }

    @Test
    void aStandalonePromotionTakesThePromotedServerOut() throws IOException {
        expect(201, api.put(CUSTOMS + "/everything", "{\"type\":\"Any\",\"excludedMembers\":[]}"));
        assertEquals(List.of("pg-main", "pg-replica-1", "pg-replica-2", "pg-replica-3"), dns("everything", 8));
        expect(200, api.post("/api/v1/servers/pg-replica-3/promote", "{\"promoteMode\":\"Standalone\"}"));
        assertEquals(List.of("pg-main", "pg-replica-1", "pg-replica-2"), dns("everything", 6));
        String events = expect(200, api.get("/api/v1/events?limit=1000")).body();
        assertTrue(events.contains("\"fqdn\":\"everything.custom.postgres.internal\",\"before\":\"pg-main,pg-replica-1,"
                + "pg-replica-2,pg-replica-3\",\"after\":\"pg-main,pg-replica-1,pg-replica-2\""), events);
    }

    @Test
    void aDryRunChangesNothingAndBadDefinitionsNameTheirField() throws IOException {
        expect(200, api.put(CUSTOMS + "/analytics?dryRun=true", "{\"type\":\"Any\",\"excludedMembers\":[]}"));
        expect(404, api.get(CUSTOMS + "/analytics"));
        assertEquals(Rcode.NXDOMAIN, vedns.dns().udp("analytics.custom.postgres.internal.", Type.A).getRcode());
        assertEquals(List.of("members[0]:replica"), expect(400, api.put(CUSTOMS + "/analytics",
                "{\"type\":\"Reader\",\"members\":[\"pg-main\"]}")).fieldRules());
        assertEquals(List.of("type:oneOf", "members[0]:existingServer"), expect(400, api.put(CUSTOMS + "/analytics",
                "{\"type\":\"Writer\",\"members\":[\"pg-ghost\"]}")).fieldRules());
        assertEquals(List.of("excludedMembers:exclusive"), expect(400, api.put(CUSTOMS + "/analytics",
                "{\"type\":\"Any\",\"members\":[\"pg-main\"],\"excludedMembers\":[]}")).fieldRules());
        expect(409, api.put(CUSTOMS + "/mydb", "{\"type\":\"Any\",\"excludedMembers\":[]}"));
        expect(404, api.delete(CUSTOMS + "/ghost"));
    }

    @Test
    void anExportImportsBackWithItsCustomEndpoints() throws IOException {
        expect(201, api.put(CUSTOMS + "/analytics", "{\"type\":\"Reader\",\"members\":[\"pg-replica-2\"]}"));
        expect(201, api.put(CUSTOMS + "/reporting", "{\"type\":\"Any\",\"excludedMembers\":[\"pg-replica-1\"]}"));
        String exported = expect(200, api.get("/api/v1/state")).body();
        expect(204, api.delete(CUSTOMS + "/analytics"));
        expect(204, api.delete(CUSTOMS + "/reporting"));
        expect(200, api.put("/api/v1/state", exported));
        assertEquals(List.of("pg-replica-2"), expect(200, api.get(CUSTOMS + "/analytics")).json().get("members"));
        assertEquals(List.of("pg-main", "pg-replica-2", "pg-replica-3"), dns("reporting", 6));
        expect(200, api.patch(CUSTOMS + "/reporting", "{\"type\":\"Reader\"}"));
        assertEquals(List.of("pg-replica-2", "pg-replica-3"), dns("reporting", 4));
    }

    /** The distinct CNAME targets of {@code count} answers in a row for the custom endpoint, sorted. */
    private List<String> dns(String name, int count) throws IOException {
        SortedSet<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            for (Record record : vedns.dns().udp(name + ".custom.postgres.internal.", Type.A).getSection(Section.ANSWER)) {
                if (record.getType() == Type.CNAME) {
                    seen.add(record.rdataToString().split("\\.")[0]);
                }
            }
        }
        return List.copyOf(seen);
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

@MicronautTest(rebuildContext = true)
class VirtualEndpointsApiTest {

    private static final String PAIR = "/api/v1/servers/pg-main/virtual-endpoints/mydb";

    @Inject
    VednsUnderTest vedns;

    private Api api;
    private Dns dns;

    @BeforeEach
    void setUp() {
        api = vedns.api();
        dns = vedns.dns();
        api.standardFleet();
        expect(201, api.put("/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.7\"]}"));
    }

    @Test
    void theResourceIsShapedLikeAzures() {
        Map<String, Object> pair = expect(200, api.get(PAIR)).json();
        assertEquals(Map.of(
                "name", "mydb",
                "serverName", "pg-main",
                "endpointType", "ReadWrite",
                "members", List.of("pg-replica-1"),
                "virtualEndpoints", List.of("mydb.writer.postgres.internal", "mydb.reader.postgres.internal"),
                "writer", Map.of("fqdn", "mydb.writer.postgres.internal", "target", "pg-main",
                        "targetFqdn", "pg-main.postgres.internal", "effectiveTarget", "pg-main",
                        "effectiveTargetFqdn", "pg-main.postgres.internal"),
                "reader", Map.of("fqdn", "mydb.reader.postgres.internal", "target", "pg-replica-1",
                        "targetFqdn", "pg-replica-1.postgres.internal", "effectiveTarget", "pg-replica-1",
                        "effectiveTargetFqdn", "pg-replica-1.postgres.internal"),
                "writerFollowsObservedPrimary", false), pair);
        assertEquals(List.of(pair), expect(200, api.get("/api/v1/servers/pg-main/virtual-endpoints")).jsonList());
    }

    @Test
    void createWithMembersPatchToRetargetDeleteToRemove() throws Exception {
        expect(204, api.delete(PAIR));
        assertEquals(Rcode.NXDOMAIN, dns.udp("mydb.writer.postgres.internal.", Type.A).getRcode());
        assertEquals(List.of(), expect(200, api.get("/api/v1/servers/pg-main/virtual-endpoints")).jsonList());
        expect(404, api.get(PAIR));

        Api.Reply created = expect(201, api.put(PAIR, "{\"endpointType\":\"ReadWrite\",\"members\":[\"pg-replica-2\"]}"));
        assertEquals(List.of("pg-replica-2"), created.json().get("members"));
        assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-replica-2.postgres.internal.",
                "pg-replica-2.postgres.internal.\t30\tIN\tA\t10.0.0.7"), dns.answer("mydb.reader.postgres.internal.", Type.A));

        Api.Reply patched = expect(200, api.patch(PAIR, "{\"members\":[\"pg-main\"]}"));
        assertEquals(List.of("pg-main"), patched.json().get("members"));
        assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), dns.answer("mydb.reader.postgres.internal.", Type.A));
        assertEquals(List.of("mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal."),
                dns.answer("mydb.writer.postgres.internal.", Type.CNAME));
    }

    @Test
    void badMembersAndTypesAre400() {
        expect(201, api.put("/api/v1/servers/pg-other", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1.1\"]}"));
        assertEquals(List.of("members[0]:existingServer"),
                expect(400, api.patch(PAIR, "{\"members\":[\"pg-ghost\"]}")).fieldRules());
        assertEquals(List.of("members[0]:memberOfReplicationSet"),
                expect(400, api.patch(PAIR, "{\"members\":[\"pg-other\"]}")).fieldRules());
        assertEquals(List.of("members:size"), expect(400, api.patch(PAIR, "{\"members\":[]}")).fieldRules());
        assertEquals(List.of("members:unique"),
                expect(400, api.patch(PAIR, "{\"members\":[\"pg-main\",\"pg-main\"]}")).fieldRules());
        assertEquals(List.of("members:required"), expect(400, api.patch(PAIR, "{}")).fieldRules());
        assertEquals(List.of("endpointType:oneOf"), expect(400, api.put("/api/v1/servers/pg-other/virtual-endpoints/otherdb",
                "{\"endpointType\":\"ReadOnly\"}")).fieldRules());
        assertEquals(List.of("name:pattern"), expect(400, api.put("/api/v1/servers/pg-other/virtual-endpoints/Other_DB",
                "{\"endpointType\":\"ReadWrite\"}")).fieldRules());
    }

    @Test
    void notFoundAndConflictsNameWhatToDo() {
        expect(404, api.get("/api/v1/servers/pg-ghost/virtual-endpoints"));
        expect(404, api.put("/api/v1/servers/pg-ghost/virtual-endpoints/x1y", "{\"endpointType\":\"ReadWrite\"}"));
        expect(404, api.patch("/api/v1/servers/pg-main/virtual-endpoints/otherdb", "{\"members\":[\"pg-main\"]}"));
        expect(404, api.delete("/api/v1/servers/pg-main/virtual-endpoints/otherdb"));

        Api.Reply second = expect(409, api.put("/api/v1/servers/pg-main/virtual-endpoints/mydb2", "{\"endpointType\":\"ReadWrite\"}"));
        assertTrue(detail(second).contains("at most one pair"), detail(second));

        expect(201, api.put("/api/v1/servers/pg-other", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1.1\"]}"));
        Api.Reply taken = expect(409, api.put("/api/v1/servers/pg-other/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}"));
        assertTrue(detail(taken).contains("already taken"), detail(taken));

        String replicaPair = "/api/v1/servers/pg-replica-1/virtual-endpoints/mydb";
        for (Api.Reply write : List.of(api.put(replicaPair, "{\"endpointType\":\"ReadWrite\"}"),
                api.patch(replicaPair, "{\"members\":[\"pg-main\"]}"), api.delete(replicaPair))) {
            expect(409, write);
            assertTrue(detail(write).contains("'pg-main'"), detail(write));
        }
        for (Api.Reply read : List.of(api.get(replicaPair), api.get("/api/v1/servers/pg-replica-1/virtual-endpoints"))) {
            expect(404, read);
            assertTrue(detail(read).contains("'pg-main'"), detail(read));
        }
    }

    private static String detail(Api.Reply reply) {
        return (String) reply.json().get("detail");
    }
}

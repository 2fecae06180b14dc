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
import org.xbill.DNS.Type;

/**
 * One test per row of the promotion table, each checked in the API's answer and through DNS:
 * <pre>
 * endpoint | original target       | after Switchover | after Standalone
 * writer   | primary               | new primary      | unchanged
 * reader   | the promoted replica  | former primary   | primary
 * reader   | primary               | refused (409)    | unchanged
 * reader   | another replica       | refused (409)    | unchanged
 * </pre>
 */
@MicronautTest(rebuildContext = true)
class PromotionApiTest {

    private static final String PAIR = "/api/v1/servers/pg-main/virtual-endpoints/mydb";

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void fleet() {
        api = vedns.api();
        api.standardFleet();
        expect(201, api.put("/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.7\"]}"));
    }

    @Test
    void switchoverWriterMovesToTheNewPrimary() throws Exception {
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{\"promoteMode\":\"Switchover\"}")).json();
        assertEquals("pg-replica-1", endpointOf(result, 0).get("serverName"));
        assertEquals("pg-replica-1", target(endpointOf(result, 0), "writer"));
        assertEquals("pg-replica-1.postgres.internal.", dnsTarget("mydb.writer.postgres.internal."));
    }

    @Test
    void switchoverReaderOnThePromotedReplicaMovesToTheFormerPrimary() throws Exception {
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{}")).json();
        assertEquals("pg-main", target(endpointOf(result, 0), "reader"));
        assertEquals("pg-main.postgres.internal.", dnsTarget("mydb.reader.postgres.internal."));
        assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), vedns.dns().answer("mydb.reader.postgres.internal.", Type.A));
    }

    @Test
    void switchoverIsRefusedWhileTheReaderTargetsThePrimary() throws Exception {
        expect(200, api.patch(PAIR, "{\"members\":[\"pg-main\"]}"));
        assertRefusedAndNothingMoved("pg-main");
    }

    @Test
    void switchoverIsRefusedWhileTheReaderTargetsAnotherReplica() throws Exception {
        expect(200, api.patch(PAIR, "{\"members\":[\"pg-replica-2\"]}"));
        assertRefusedAndNothingMoved("pg-replica-2");
    }

    @Test
    void standaloneLeavesTheWriter() throws Exception {
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{\"promoteMode\":\"standalone\"}")).json();
        assertEquals("Standalone", result.get("promoteMode"));
        assertEquals("pg-main", target(findEndpoint(result), "writer"));
        assertEquals("pg-main.postgres.internal.", dnsTarget("mydb.writer.postgres.internal."));
    }

    @Test
    void standaloneMovesAReaderOnThePromotedReplicaToThePrimary() throws Exception {
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{\"promoteMode\":\"Standalone\",\"promoteOption\":\"Forced\"}")).json();
        assertEquals("pg-main", target(findEndpoint(result), "reader"));
        assertEquals("pg-main.postgres.internal.", dnsTarget("mydb.reader.postgres.internal."));
        Map<String, Object> independent = expect(200, api.get("/api/v1/servers/pg-replica-1")).json();
        assertEquals("Primary", independent.get("replicationRole"));
        assertEquals(null, independent.get("virtualEndpoint"));
    }

    @Test
    void standaloneLeavesAReaderOnThePrimary() throws Exception {
        expect(200, api.patch(PAIR, "{\"members\":[\"pg-main\"]}"));
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{\"promoteMode\":\"Standalone\"}")).json();
        assertEquals("pg-main", target(findEndpoint(result), "reader"));
        assertEquals("pg-main.postgres.internal.", dnsTarget("mydb.reader.postgres.internal."));
    }

    @Test
    void standaloneLeavesAReaderOnAnotherReplica() throws Exception {
        expect(200, api.patch(PAIR, "{\"members\":[\"pg-replica-2\"]}"));
        Map<String, Object> result = expect(200, promote("pg-replica-1", "{\"promoteMode\":\"Standalone\"}")).json();
        assertEquals("pg-replica-2", target(findEndpoint(result), "reader"));
        assertEquals("pg-replica-2.postgres.internal.", dnsTarget("mydb.reader.postgres.internal."));
    }

    @Test
    void afterASwitchoverEveryReplicaFollowsTheNewPrimary() {
        Map<String, Object> result = expect(200, promote("pg-replica-1", null)).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> set = ((List<Map<String, Object>>) result.get("replicationSets")).get(0);
        assertEquals("pg-replica-1", set.get("name"));
        assertEquals(List.of("pg-main", "pg-replica-2"), set.get("replicas"));
        for (String replica : List.of("pg-main", "pg-replica-2")) {
            Map<String, Object> server = expect(200, api.get("/api/v1/servers/" + replica)).json();
            assertEquals("AsyncReplica", server.get("replicationRole"));
            assertEquals("pg-replica-1", server.get("sourceServerName"));
        }
    }

    @Test
    void afterASwitchoverThePairLivesUnderTheNewPrimary() {
        expect(200, promote("pg-replica-1", "{}"));
        expect(200, api.get("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb"));
        Api.Reply read = expect(404, api.get(PAIR));
        assertTrue(detail(read).contains("'pg-replica-1'"), detail(read));
        Api.Reply write = expect(409, api.patch(PAIR, "{\"members\":[\"pg-replica-1\"]}"));
        assertTrue(detail(write).contains("'pg-replica-1'"), detail(write));
    }

    @Test
    void onePromotionIsOneSerial() throws Exception {
        long before = vedns.dns().serial();
        expect(200, promote("pg-replica-1", "{}"));
        assertEquals(before + 1, vedns.dns().serial());
    }

    @Test
    void refusalsAreProblems() {
        assertEquals(List.of("promoteMode:oneOf"),
                expect(400, promote("pg-replica-1", "{\"promoteMode\":\"Failover\"}")).fieldRules());
        assertEquals(List.of("promoteOption:oneOf"),
                expect(400, promote("pg-replica-1", "{\"promoteOption\":\"Soon\"}")).fieldRules());
        assertEquals(List.of("promotMode:unknownField"),
                expect(400, promote("pg-replica-1", "{\"promotMode\":\"Standalone\"}")).fieldRules());
        expect(400, promote("pg-replica-1", "{\"promoteMode\":"));
        Api.Reply primary = expect(409, promote("pg-main", "{}"));
        assertTrue(detail(primary).contains("primary already"), detail(primary));
        expect(404, promote("pg-ghost", "{}"));
        assertEquals("application/problem+json", promote("pg-ghost", "{}").contentType());
    }

    private void assertRefusedAndNothingMoved(String readerTarget) throws Exception {
        long serial = vedns.dns().serial();
        Api.Reply refused = expect(409, promote("pg-replica-1", "{\"promoteMode\":\"Switchover\",\"promoteOption\":\"Forced\"}"));
        assertTrue(detail(refused).contains("retarget the reader to 'pg-replica-1' first"), detail(refused));
        assertEquals("pg-main.postgres.internal.", dnsTarget("mydb.writer.postgres.internal."));
        assertEquals(readerTarget + ".postgres.internal.", dnsTarget("mydb.reader.postgres.internal."));
        assertEquals(serial, vedns.dns().serial());
        assertEquals("Primary", expect(200, api.get("/api/v1/servers/pg-main")).json().get("replicationRole"));
    }

    private Api.Reply promote(String server, String body) {
        String path = "/api/v1/servers/" + server + "/promote";
        return body == null
                ? api.exchange(io.micronaut.http.HttpRequest.POST(path, ""))
                : api.exchange(io.micronaut.http.HttpRequest.POST(path, body)
                        .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE));
    }

    private String dnsTarget(String name) throws Exception {
        String line = vedns.dns().answer(name, Type.CNAME).get(0);
        return line.substring(line.lastIndexOf('\t') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> endpointOf(Map<String, Object> result, int set) {
        return (Map<String, Object>) ((List<Map<String, Object>>) result.get("replicationSets")).get(set).get("virtualEndpoint");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findEndpoint(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("replicationSets")).stream()
                .map(set -> (Map<String, Object>) set.get("virtualEndpoint"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String target(Map<String, Object> endpoint, String name) {
        return (String) ((Map<String, Object>) endpoint.get(name)).get("target");
    }

    private static String detail(Api.Reply reply) {
        return (String) reply.json().get("detail");
    }
}

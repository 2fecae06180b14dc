package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * {@code ?dryRun=true}: the same rules judge the request and the answer shows what would be, and nothing
 * changes: no event, no new serial, the same DNS answers. The console validates names and explains
 * promotions with it.
 */
@MicronautTest(rebuildContext = true)
class DryRunApiTest {

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void setUp() {
        api = vedns.api();
        api.standardFleet();
    }

    private long latestEventId() {
        return ((Number) api.get("/api/v1/events?limit=1").json().get("latestId")).longValue();
    }

    @Test
    void aDryRunPairShowsItsNamesAndCreatesNothing() throws Exception {
        expect(204, api.delete("/api/v1/servers/pg-main/virtual-endpoints/mydb"));
        long events = latestEventId();
        long serial = vedns.dns().serial();

        Map<String, Object> preview = expect(200, api.put("/api/v1/servers/pg-main/virtual-endpoints/orders?dryRun=true",
                "{\"endpointType\":\"ReadWrite\"}")).json();
        assertEquals(List.of("orders.writer.postgres.internal", "orders.reader.postgres.internal"),
                preview.get("virtualEndpoints"));
        assertEquals(List.of("pg-replica-1"), preview.get("members"));

        assertEquals(404, api.get("/api/v1/servers/pg-main/virtual-endpoints/orders").status());
        assertEquals(events, latestEventId());
        assertEquals(serial, vedns.dns().serial());
        assertEquals(List.of(), vedns.dns().answer("orders.writer.postgres.internal.", Type.CNAME));
    }

    @Test
    void aDryRunIsRefusedAsTheRealRequestWouldBe() {
        assertEquals(List.of("name:pattern"), expect(400, api.put(
                "/api/v1/servers/pg-main/virtual-endpoints/Bad_Name?dryRun=true", "{\"endpointType\":\"ReadWrite\"}"))
                .fieldRules());
        expect(409, api.put("/api/v1/servers/pg-main/virtual-endpoints/pg-replica-1?dryRun=true",
                "{\"endpointType\":\"ReadWrite\"}"));
    }

    @Test
    void aDryRunRetargetAnswersAsTheRealOneAndMovesNothing() throws Exception {
        String path = "/api/v1/servers/pg-main/virtual-endpoints/mydb";
        Observed before = observe();

        Map<String, Object> preview = expect(200, api.patch(path + "?dryRun=true", "{\"members\":[\"pg-main\"]}")).json();
        assertEquals(List.of("pg-main"), preview.get("members"));
        assertEquals("pg-main", ((Map<?, ?>) preview.get("reader")).get("target"));
        Api.Reply refusedDry = expect(400, api.patch(path + "?dryRun=true", "{\"members\":[\"pg-ghost\"]}"));
        assertEquals(before, observe());

        Api.Reply refused = expect(400, api.patch(path, "{\"members\":[\"pg-ghost\"]}"));
        assertEquals(refused.json(), refusedDry.json());
        assertEquals(preview, expect(200, api.patch(path, "{\"members\":[\"pg-main\"]}")).json());
    }

    @Test
    void aDryRunDeleteAnswersAsTheRealOneAndKeepsThePair() throws Exception {
        String path = "/api/v1/servers/pg-main/virtual-endpoints/mydb";
        Observed before = observe();

        expect(204, api.delete(path + "?dryRun=true"));
        Api.Reply missingDry = expect(404, api.delete("/api/v1/servers/pg-main/virtual-endpoints/nope?dryRun=true"));
        Api.Reply replicaDry = expect(409, api.delete("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb?dryRun=true"));
        assertEquals(before, observe());

        assertEquals(missingDry.json(), expect(404, api.delete("/api/v1/servers/pg-main/virtual-endpoints/nope")).json());
        assertEquals(replicaDry.json(),
                expect(409, api.delete("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb")).json());
        expect(204, api.delete(path));
        assertEquals(List.of(), vedns.dns().answer("mydb.writer.postgres.internal.", Type.CNAME));
    }

    /** What a client can see of a change: the state, the serial, the events, and DNS. */
    private record Observed(Map<String, Object> state, long serial, long events, List<String> answers) {
    }

    private Observed observe() throws Exception {
        List<String> answers = new java.util.ArrayList<>();
        answers.addAll(vedns.dns().answer("mydb.writer.postgres.internal.", Type.CNAME));
        answers.addAll(vedns.dns().answer("mydb.reader.postgres.internal.", Type.CNAME));
        return new Observed(expect(200, api.get("/api/v1/state")).json(), vedns.dns().serial(), latestEventId(), answers);
    }

    /** A misspelt dryRun must not fall back to the real change it was meant to preview. */
    @Test
    void aDryRunValueOtherThanTrueOrFalseIsRefusedAndChangesNothing() throws Exception {
        long events = latestEventId();
        long serial = vedns.dns().serial();
        assertEquals(List.of("dryRun:boolean"), expect(400, api.put(
                "/api/v1/servers/pg-main/virtual-endpoints/orders?dryRun=ture", "{\"endpointType\":\"ReadWrite\"}"))
                .fieldRules());
        assertEquals(List.of("dryRun:boolean"), expect(400, api.exchange(HttpRequest.POST(
                "/api/v1/servers/pg-replica-1/promote?dryRun=maybe", "{\"promoteMode\":\"switchover\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE))).fieldRules());
        assertEquals(404, api.get("/api/v1/servers/pg-main/virtual-endpoints/orders").status());
        assertEquals(events, latestEventId());
        assertEquals(serial, vedns.dns().serial());
    }

    @Test
    void aDryRunPromotionTellsWhereTheNamesWouldPointAndPromotesNothing() throws Exception {
        long events = latestEventId();
        Map<String, Object> preview = expect(200, api.exchange(HttpRequest.POST(
                "/api/v1/servers/pg-replica-1/promote?dryRun=true", "{\"promoteMode\":\"switchover\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE))).json();
        assertEquals(0, ((Number) preview.get("eventId")).intValue());
        assertEquals("Switchover", preview.get("promoteMode"));
        @SuppressWarnings("unchecked")
        Map<String, Object> set = ((List<Map<String, Object>>) preview.get("replicationSets")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) set.get("virtualEndpoint");
        assertEquals("pg-replica-1", ((Map<?, ?>) pair.get("writer")).get("target"));
        assertEquals("pg-main", ((Map<?, ?>) pair.get("reader")).get("target"));

        assertEquals("Primary", api.get("/api/v1/servers/pg-main").json().get("replicationRole"));
        assertEquals(events, latestEventId());
        assertEquals("mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                vedns.dns().answer("mydb.writer.postgres.internal.", Type.CNAME).get(0));
    }
}

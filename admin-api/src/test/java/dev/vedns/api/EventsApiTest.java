package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/events shows every change with its before/after targets, oldest first, page by page. */
@MicronautTest
class EventsApiTest {

    @Inject
    VednsUnderTest vedns;

    @Test
    void everyChangeIsLoggedWithItsTargetsAndPagesInOrder() throws Exception {
        Api api = vedns.api();
        api.standardFleet();
        expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"));
        expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-replica-1\"]}"));
        expect(200, api.exchange(HttpRequest.POST("/api/v1/servers/pg-replica-1/promote", "{\"promoteOption\":\"Forced\"}")
                .contentType("application/json")));
        expect(204, api.delete("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb"));
        expect(409, api.delete("/api/v1/servers/pg-replica-1"));

        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> reply = expect(200, api.get("/api/v1/events?after=" + after + "&limit=2")).json();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) reply.get("events");
            if (events.isEmpty()) {
                break;
            }
            assertTrue(events.size() <= 2);
            all.addAll(events);
            after = ((Number) events.get(events.size() - 1).get("id")).longValue();
        }
        // The first event is vedns issuing the admin token the test's requests present.
        assertEquals(List.of("TokenCreated", "ServerCreated", "ServerCreated", "VirtualEndpointCreated",
                "ReaderRetargeted", "ReaderRetargeted", "ReplicaPromoted", "VirtualEndpointDeleted"),
                all.stream().map(e -> e.get("kind")).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), all.stream().map(e -> e.get("id")).toList());
        assertEquals(List.of("vedns", "admin", "admin", "admin", "admin", "admin", "admin", "admin"),
                all.stream().map(e -> e.get("actor")).toList());

        assertEquals(List.of(Map.of("fqdn", "mydb.reader.postgres.internal", "before", "pg-replica-1", "after", "pg-main")),
                all.get(4).get("targets"));
        Map<String, Object> promoted = all.get(6);
        assertEquals(Map.of("promoteMode", "Switchover", "promoteOption", "Forced"), promoted.get("details"));
        assertEquals(List.of("pg-main", "pg-replica-1"), promoted.get("servers"));
        assertEquals(List.of(
                Map.of("fqdn", "mydb.writer.postgres.internal", "before", "pg-main", "after", "pg-replica-1"),
                Map.of("fqdn", "mydb.reader.postgres.internal", "before", "pg-replica-1", "after", "pg-main")),
                promoted.get("targets"));
        assertEquals(List.of(Map.of("fqdn", "mydb.writer.postgres.internal", "before", "pg-replica-1"),
                Map.of("fqdn", "mydb.reader.postgres.internal", "before", "pg-main")), all.get(7).get("targets"));
        assertEquals(vedns.dns().serial(), ((Number) all.get(7).get("serial")).longValue());
        assertTrue(((String) promoted.get("time")).endsWith("Z"));
    }

    @Test
    void badPagingValuesAreProblems() {
        Api api = vedns.api();
        assertEquals(List.of("after:min", "limit:range"), expect(400, api.get("/api/v1/events?after=-1&limit=0")).fieldRules());
        assertEquals(List.of("limit:range"), expect(400, api.get("/api/v1/events?limit=1001")).fieldRules());
        assertEquals(List.of("limit:type"), expect(400, api.get("/api/v1/events?limit=ten")).fieldRules());
    }
}

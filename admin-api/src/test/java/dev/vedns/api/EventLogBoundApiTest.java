package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event log keeps only the configured number of the newest events, and says which it kept. */
@MicronautTest
@Property(name = "vedns.events.retain", value = "5")
class EventLogBoundApiTest {

    @Inject
    VednsUnderTest vedns;

    @Test
    void onlyTheNewestAreKeptAndPagingStillWorks() {
        Api api = vedns.api();
        // Event 1 is the first admin token; 2 to 12 are these servers.
        for (int i = 2; i <= 12; i++) {
            expect(201, api.put("/api/v1/servers/pg-" + i + "-x", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0." + i + "\"]}"));
        }
        Map<String, Object> page = expect(200, api.get("/api/v1/events?limit=3")).json();
        assertEquals(8, page.get("oldestId"));
        assertEquals(12, page.get("latestId"));
        assertEquals(List.of(8, 9, 10), ids(page));
        assertEquals(List.of(11, 12), ids(expect(200, api.get("/api/v1/events?after=10&limit=3")).json()));
        assertEquals(List.of(), ids(expect(200, api.get("/api/v1/events?after=12")).json()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("events")).stream().map(e -> e.get("id")).toList();
    }
}

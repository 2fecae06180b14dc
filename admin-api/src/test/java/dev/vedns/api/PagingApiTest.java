package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every list takes {@code limit} (1-1000), {@code after} (the last name of the previous page) and {@code prefix},
 * and links the next page while more remain; without {@code limit} it answers the whole list, as before.
 */
@MicronautTest(rebuildContext = true)
class PagingApiTest {

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void tenPrimaries() {
        api = vedns.api();
        for (int i = 0; i < 10; i++) {
            expect(201, api.put("/api/v1/servers/pg-" + i, "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0."
                    + (i + 1) + "\"]}"));
        }
        expect(201, api.put("/api/v1/servers/other-1", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1.1\"]}"));
    }

    @Test
    void pagesFollowTheirLinksToTheEndAndTogetherAreTheWholeList() {
        List<String> all = names(expect(200, api.get("/api/v1/servers")));
        assertEquals(11, all.size());
        List<String> paged = new ArrayList<>();
        String next = "/api/v1/servers?limit=4";
        int pages = 0;
        while (next != null) {
            Api.Reply page = expect(200, api.get(next));
            paged.addAll(names(page));
            next = next(page);
            pages++;
        }
        assertEquals(all, paged);
        assertEquals(3, pages);
    }

    @Test
    void aPrefixNarrowsTheListAndTheLinkKeepsIt() {
        Api.Reply first = expect(200, api.get("/api/v1/servers?limit=6&prefix=pg-"));
        assertEquals(List.of("pg-0", "pg-1", "pg-2", "pg-3", "pg-4", "pg-5"), names(first));
        assertEquals("</api/v1/servers?limit=6&after=pg-5&prefix=pg->; rel=\"next\"", first.link());
        Api.Reply second = expect(200, api.get(next(first)));
        assertEquals(List.of("pg-6", "pg-7", "pg-8", "pg-9"), names(second));
        assertNull(second.link(), "no link on the last page");
        assertEquals(List.of("other-1"), names(expect(200, api.get("/api/v1/servers?prefix=other"))));
    }

    @Test
    void aChangeBetweenTwoPagesNeitherRepeatsNorSkipsWhatWasThereAllAlong() {
        Api.Reply first = expect(200, api.get("/api/v1/servers?limit=5&prefix=pg-"));
        assertEquals(List.of("pg-0", "pg-1", "pg-2", "pg-3", "pg-4"), names(first));
        expect(201, api.put("/api/v1/servers/pg-00", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.2.1\"]}"));
        expect(201, api.put("/api/v1/servers/pg-55", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.2.2\"]}"));
        expect(204, api.delete("/api/v1/servers/pg-7"));
        assertEquals(List.of("pg-5", "pg-55", "pg-6", "pg-8", "pg-9"), names(expect(200, api.get(next(first)))));
    }

    @Test
    void tokensAndPairsPageTheSameWay() {
        for (String name : List.of("ci-a", "ci-b", "ci-c")) {
            expect(201, api.post("/api/v1/tokens", "{\"name\":\"" + name + "\",\"role\":\"viewer\"}"));
        }
        Api.Reply tokens = expect(200, api.get("/api/v1/tokens?limit=2&prefix=ci-"));
        assertEquals(List.of("ci-a", "ci-b"), names(tokens));
        // Between the pages a token is revoked and one issued before the cursor and one after it.
        expect(204, api.delete("/api/v1/tokens/ci-a"));
        expect(201, api.post("/api/v1/tokens", "{\"name\":\"ci-aa\",\"role\":\"viewer\"}"));
        expect(201, api.post("/api/v1/tokens", "{\"name\":\"ci-d\",\"role\":\"viewer\"}"));
        assertEquals(List.of("ci-c", "ci-d"), names(expect(200, api.get(next(tokens)))));
        expect(201, api.put("/api/v1/servers/pg-1/virtual-endpoints/db1", "{\"endpointType\":\"ReadWrite\"}"));
        assertEquals(List.of("db1"), names(expect(200, api.get("/api/v1/servers/pg-1/virtual-endpoints?limit=1"))));
        assertEquals(List.of(), names(expect(200, api.get("/api/v1/servers/pg-1/virtual-endpoints?after=db1"))));
    }

    @Test
    void aRoleKeepsOneItemPerReplicationSet() {
        expect(201, api.put("/api/v1/servers/pg-0-replica", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-0\",\"addresses\":[\"10.0.3.1\"]}"));
        assertEquals(List.of("pg-0", "pg-1"), names(expect(200, api.get("/api/v1/servers?replicationRole=primary&limit=2"
                + "&prefix=pg-"))));
        assertEquals(List.of("pg-0-replica"), names(expect(200, api.get("/api/v1/servers?replicationRole=AsyncReplica"))));
        assertEquals(List.of("replicationRole:oneOf"),
                expect(400, api.get("/api/v1/servers?replicationRole=Leader")).fieldRules());
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        assertEquals(List.of("limit:range"), expect(400, api.get("/api/v1/servers?limit=0")).fieldRules());
        assertEquals(List.of("limit:range"), expect(400, api.get("/api/v1/tokens?limit=1001")).fieldRules());
    }

    private static List<String> names(Api.Reply reply) {
        return reply.jsonList().stream().map(item -> (String) item.get("name")).toList();
    }

    /** The path of the next page the Link header names, or null. */
    private static String next(Api.Reply reply) {
        String link = reply.link();
        return link == null ? null : link.substring(1, link.indexOf('>'));
    }
}

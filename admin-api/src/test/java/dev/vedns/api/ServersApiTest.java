package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class ServersApiTest {

    @Inject
    VednsUnderTest vedns;

    private Api api;
    private Dns dns;

    @BeforeEach
    void setUp() {
        api = vedns.api();
        dns = vedns.dns();
    }

    @Test
    void putCreatesThenUpdatesAndDnsPublishesTheAddresses() throws Exception {
        Api.Reply created = expect(201, api.put("/api/v1/servers/pg-main",
                "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
        assertEquals("application/json", created.contentType());
        assertEquals(Map.of("name", "pg-main", "fqdn", "pg-main.postgres.internal", "replicationRole", "Primary",
                "addresses", List.of("10.0.0.5"), "replicas", List.of()), created.json());
        assertEquals(List.of("pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), dns.answer("pg-main.postgres.internal.", Type.A));

        Api.Reply updated = expect(200, api.put("/api/v1/servers/pg-main",
                "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.9\",\"FD00::9\"]}"));
        assertEquals(List.of("10.0.0.9", "fd00::9"), updated.json().get("addresses"));
        assertEquals(List.of("pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.9"), dns.answer("pg-main.postgres.internal.", Type.A));
        assertEquals(List.of("pg-main.postgres.internal.\t30\tIN\tAAAA\tfd00:0:0:0:0:0:0:9"),
                dns.answer("pg-main.postgres.internal.", Type.AAAA));
    }

    @Test
    void getShowsAServerWithItsReplicasAndPair() {
        api.standardFleet();
        Map<String, Object> primary = expect(200, api.get("/api/v1/servers/pg-main")).json();
        assertEquals(List.of("pg-replica-1"), primary.get("replicas"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) primary.get("virtualEndpoint");
        assertEquals("mydb", pair.get("name"));
        assertEquals(List.of("pg-replica-1"), pair.get("members"));
        assertFalse(primary.containsKey("health"), "no health while the probes are off (the default)");

        Map<String, Object> replica = expect(200, api.get("/api/v1/servers/pg-replica-1")).json();
        assertEquals("AsyncReplica", replica.get("replicationRole"));
        assertEquals("pg-main", replica.get("sourceServerName"));
        assertEquals(List.of("10.0.0.6", "fd00::6"), replica.get("addresses"));

        List<Map<String, Object>> all = expect(200, api.get("/api/v1/servers")).jsonList();
        assertEquals(List.of("pg-main", "pg-replica-1"), all.stream().map(s -> s.get("name")).toList());
    }

    @Test
    void deleteRemovesTheServerAndItsRecords() throws Exception {
        api.standardFleet();
        expect(204, api.delete("/api/v1/servers/pg-replica-1"));
        assertEquals(Rcode.NXDOMAIN, dns.udp("pg-replica-1.postgres.internal.", Type.A).getRcode());
        assertEquals("pg-main", ((Map<?, ?>) ((Map<?, ?>) expect(200, api.get("/api/v1/servers/pg-main/virtual-endpoints/mydb"))
                .json().get("reader"))).get("target"), "deleting the reader's target moves the reader to the primary");
        expect(404, api.get("/api/v1/servers/pg-replica-1"));
    }

    @Test
    void aServerMayCarryItsOwnProbeAndAPairItsOptionAndAnExportImportsThemBack() {
        api.standardFleet();
        Api.Reply probed = expect(200, api.put("/api/v1/servers/pg-replica-1", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.6\",\"fd00::6\"],"
                + "\"probe\":{\"type\":\"tcp\",\"port\":6432}}"));
        assertEquals(Map.of("type", "tcp", "port", 6432), probed.json().get("probe"));
        Api.Reply following = expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                "{\"writerFollowsObservedPrimary\":true}"));
        assertEquals(true, following.json().get("writerFollowsObservedPrimary"));
        assertEquals(List.of("pg-replica-1"), following.json().get("members"), "the reader's target is kept");

        String exported = expect(200, api.get("/api/v1/state")).body();
        expect(204, api.delete("/api/v1/servers/pg-main/virtual-endpoints/mydb"));
        expect(200, api.put("/api/v1/state", exported));
        assertEquals(true, expect(200, api.get("/api/v1/servers/pg-main/virtual-endpoints/mydb")).json()
                .get("writerFollowsObservedPrimary"));
        assertEquals(Map.of("type", "tcp", "port", 6432),
                expect(200, api.get("/api/v1/servers/pg-replica-1")).json().get("probe"));

        Api.Reply badProbe = expect(400, api.put("/api/v1/servers/pg-new", "{\"replicationRole\":\"Primary\","
                + "\"addresses\":[\"10.0.0.8\"],\"probe\":{\"type\":\"http\",\"port\":0}}"));
        assertEquals(List.of("probe.type:oneOf", "probe.port:range"), badProbe.fieldRules());
    }

    @Test
    void errorsNameTheirCause() {
        api.standardFleet();
        Api.Reply unknown = expect(404, api.get("/api/v1/servers/pg-ghost"));
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals(404, unknown.json().get("status"));
        assertEquals("Not Found", unknown.json().get("title"));
        assertTrue(((String) unknown.json().get("detail")).contains("pg-ghost"));
        expect(404, api.delete("/api/v1/servers/pg-ghost"));

        Api.Reply badName = expect(400, api.put("/api/v1/servers/PG_Main",
                "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
        assertEquals(List.of("serverName:pattern"), badName.fieldRules());

        Api.Reply badBody = expect(400, api.put("/api/v1/servers/pg-new",
                "{\"replicationRole\":\"Leader\",\"addresses\":[\"10.0.0.5\",\"nope\"]}"));
        assertEquals(List.of("replicationRole:oneOf", "addresses[1]:ipAddress"), badBody.fieldRules());

        Api.Reply roleChange = expect(409, api.put("/api/v1/servers/pg-replica-1",
                "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.6\"]}"));
        assertTrue(((String) roleChange.json().get("detail")).contains("promotion"));

        Api.Reply dependants = expect(409, api.delete("/api/v1/servers/pg-main"));
        assertTrue(((String) dependants.json().get("detail")).contains("pg-replica-1"));

        Api.Reply taken = expect(409, api.put("/api/v1/servers/mydb",
                "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.8\"]}"));
        assertTrue(((String) taken.json().get("detail")).contains("already taken"));
    }
}

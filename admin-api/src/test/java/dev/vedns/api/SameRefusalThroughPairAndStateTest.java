package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One bad pair, two ways in: through {@code PUT .../virtual-endpoints/{name}} and as an item of
 * {@code PUT /api/v1/state}, it breaks the same rule with the same message; only the field's place differs.
 */
@MicronautTest(rebuildContext = true)
class SameRefusalThroughPairAndStateTest {

    /** The servers registered in {@link #setUp}, as a state document lists them. */
    private static final String SERVERS = "[{\"name\":\"pg-main\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]},"
            + "{\"name\":\"pg-replica-1\",\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-main\","
            + "\"addresses\":[\"10.0.0.6\"]},"
            + "{\"name\":\"pg-other\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.9\"]}]";

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void setUp() {
        api = vedns.api();
        expect(201, api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
        expect(201, api.put("/api/v1/servers/pg-replica-1", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.6\"]}"));
        expect(201, api.put("/api/v1/servers/pg-other", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.9\"]}"));
    }

    @Test
    void anInvalidBaseName() {
        assertSameRefusal("Bad_Name", "{\"endpointType\":\"ReadWrite\"}", "name", "pattern");
    }

    @Test
    void anUnknownMember() {
        assertSameRefusal("orders", "{\"endpointType\":\"ReadWrite\",\"members\":[\"pg-ghost\"]}", "members[0]",
                "existingServer");
    }

    @Test
    void aMemberOfAnotherSet() {
        assertSameRefusal("orders", "{\"endpointType\":\"ReadWrite\",\"members\":[\"pg-other\"]}", "members[0]",
                "memberOfReplicationSet");
    }

    @Test
    void anUnsupportedType() {
        assertSameRefusal("orders", "{\"endpointType\":\"ReadOnly\"}", "endpointType", "oneOf");
    }

    private void assertSameRefusal(String name, String body, String field, String rule) {
        Map<String, Object> single = onlyError(expect(400,
                api.put("/api/v1/servers/pg-main/virtual-endpoints/" + name, body)));
        String item = body.replaceFirst("^\\{", "{\"serverName\":\"pg-main\",\"name\":\"" + name + "\",");
        String document = "{\"zone\":\"postgres.internal.\",\"servers\":" + SERVERS + ",\"virtualEndpoints\":["
                + item + "]}";
        Map<String, Object> imported = onlyError(expect(400, api.put("/api/v1/state", document)));

        assertEquals(field, single.get("field"));
        assertEquals("virtualEndpoints[0]." + field, imported.get("field"));
        assertEquals(rule, single.get("rule"));
        assertEquals(single.get("rule"), imported.get("rule"));
        assertEquals(single.get("message"), imported.get("message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyError(Api.Reply reply) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.json().get("errors");
        assertEquals(1, errors.size(), reply.body());
        return errors.get(0);
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** GET /api/v1/state exports everything; PUT replaces everything from such a document, or nothing. */
class StateExportImportTest {

    private static final List<String> NAMES = List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
            "orders.writer.postgres.internal.", "orders.reader.postgres.internal.", "pg-main.postgres.internal.",
            "pg-replica-1.postgres.internal.", "pg-replica-2.postgres.internal.", "pg-orders.postgres.internal.",
            "pg-orders-r.postgres.internal.", "writer.postgres.internal.");

    @TempDir
    Path directory;

    @Test
    void exportThenImportIntoAFreshInstanceGivesIdenticalAnswers() throws Exception {
        String exported;
        List<String> answers;
        try (RunningApp source = new RunningApp(directory.resolve("source"))) {
            Api api = source.vedns().api();
            api.standardFleet();
            expect(201, api.put("/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.0.7\",\"fd00::7\"]}"));
            expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-replica-2\"]}"));
            expect(201, api.put("/api/v1/servers/pg-orders", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1.5\"]}"));
            expect(201, api.put("/api/v1/servers/pg-orders-r", "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-orders\",\"addresses\":[\"10.0.1.6\"]}"));
            expect(201, api.put("/api/v1/servers/pg-orders/virtual-endpoints/orders", "{\"endpointType\":\"ReadWrite\","
                    + "\"members\":[\"pg-orders\"]}"));
            Api.Reply export = expect(200, api.get("/api/v1/state"));
            exported = export.body();
            Map<String, Object> document = export.json();
            assertEquals("postgres.internal.", document.get("zone"));
            assertEquals(source.vedns().dns().serial(), ((Number) document.get("serial")).longValue());
            assertEquals(5, ((List<?>) document.get("servers")).size());
            @SuppressWarnings("unchecked")
            Map<String, Object> pair = ((List<Map<String, Object>>) document.get("virtualEndpoints")).get(0);
            assertEquals("mydb", pair.get("name"));
            assertEquals("pg-main", pair.get("serverName"));
            answers = answers(source.vedns());
        }
        try (RunningApp copy = new RunningApp(directory.resolve("copy"))) {
            long serialBefore = copy.vedns().dns().serial();
            expect(200, copy.vedns().api().put("/api/v1/state", exported));
            assertEquals(answers, answers(copy.vedns()));
            assertNotEquals(serialBefore, copy.vedns().dns().serial(), "the document's serial is ignored; ours rises");

            Api.Reply minimal = expect(200, copy.vedns().api().exchange(HttpRequest.PUT("/api/v1/state", exported)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header("Prefer", "handling=strict, return=minimal")));
            assertEquals("{zone=postgres.internal., serial=" + copy.vedns().dns().serial() + ", servers=5,"
                    + " virtualEndpoints=2, customEndpoints=0}", minimal.json().toString(), "the counts, not the document");
            assertEquals(answers, answers(copy.vedns()));
        }
    }

    @Test
    void anInvalidDocumentListsEveryProblemAndChangesNothing() throws Exception {
        try (RunningApp app = new RunningApp(directory)) {
            Api api = app.vedns().api();
            api.standardFleet();
            String state = expect(200, api.get("/api/v1/state")).body();
            List<String> answers = answers(app.vedns());

            Api.Reply refused = expect(400, api.put("/api/v1/state", "{\"zone\":\"example.com.\",\"servers\":["
                    + "{\"name\":\"pg-a\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.1\"]},"
                    + "{\"name\":\"pg-a\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.2\"]},"
                    + "{\"name\":\"pg-b\",\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-x\",\"addresses\":[\"bad\"]}],"
                    + "\"virtualEndpoints\":["
                    + "{\"serverName\":\"pg-a\",\"name\":\"db1\",\"endpointType\":\"ReadWrite\",\"members\":[\"pg-b\"]},"
                    + "{\"serverName\":\"pg-a\",\"name\":\"db2-x\",\"endpointType\":\"ReadWrite\"},"
                    + "{\"serverName\":\"pg-b\",\"name\":\"pg-a\",\"endpointType\":\"ReadOnly\"}]}"));
            assertEquals("application/problem+json", refused.contentType());
            assertEquals(List.of("zone:configuredZone", "servers[1].name:unique", "servers[2].addresses[0]:ipAddress",
                    "virtualEndpoints[0].members[0]:existingServer",
                    "virtualEndpoints[1].serverName:onePairPerSet", "virtualEndpoints[2].name:unique",
                    "virtualEndpoints[2].endpointType:oneOf", "virtualEndpoints[2].serverName:existingPrimary"),
                    refused.fieldRules());

            assertEquals(List.of("adress:unknownField"), expect(400, api.put("/api/v1/state",
                    "{\"zone\":\"postgres.internal.\",\"servers\":[{\"name\":\"pg-a\",\"adress\":[]}]}")).fieldRules());
            Api.Reply truncated = expect(400, api.put("/api/v1/state", "{\"zone\":\"postgres.internal.\",\"servers\":[{"));
            assertEquals("application/problem+json", truncated.contentType());
            assertEquals(List.of("body:syntax"), truncated.fieldRules());
            assertTrue(truncated.body().contains("Unexpected end-of-input") && !truncated.body().contains("dev.vedns"),
                    "says what is wrong, in JSON's terms, not our classes': " + truncated.body());
            assertEquals(List.of("body:required"), expect(400, api.put("/api/v1/state", "")).fieldRules());
            assertEquals(state, expect(200, api.get("/api/v1/state")).body());
            assertEquals(answers, answers(app.vedns()));
        }
    }

    @Test
    void zoneNamesCompareWithoutCaseAndTheTrailingDotIsOptional() throws Exception {
        try (RunningApp app = new RunningApp(directory)) {
            Api api = app.vedns().api();
            expect(200, api.put("/api/v1/state", "{\"zone\":\"POSTGRES.Internal\",\"servers\":[{\"name\":\"pg-a1\","
                    + "\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.1\"]}],\"virtualEndpoints\":[]}"));
            assertEquals(List.of("pg-a1.postgres.internal.\t30\tIN\tA\t10.0.0.1"),
                    app.vedns().dns().answer("pg-a1.postgres.internal.", Type.A));
            assertEquals(List.of("zone:required"), expect(400, api.put("/api/v1/state", "{\"servers\":[]}")).fieldRules());
            expect(200, api.put("/api/v1/state", "{\"zone\":\"postgres.internal.\",\"servers\":[]}"));
            assertTrue(expect(200, api.get("/api/v1/servers")).jsonList().isEmpty());
        }
    }

    static List<String> answers(VednsUnderTest vedns) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String name : NAMES) {
            answers.add(name + " " + vedns.dns().udp(name, Type.A).getRcode());
            answers.addAll(vedns.dns().answer(name, Type.ANY));
        }
        return answers;
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error, Micronaut's own included, is application/problem+json with status, title and detail. */
@MicronautTest
class ProblemJsonTest {

    @Inject
    VednsUnderTest vedns;

    private Api api;

    @BeforeEach
    void setUp() {
        api = vedns.api();
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(400, api.put("/api/v1/servers/pg-main", "{\"replicationRole\": \"Primary\", "));
        assertProblem(400, api.put("/api/v1/servers/pg-main", "[1, 2]"));
    }

    @Test
    void aWrongJsonTypeIs400NamingTheField() {
        Api.Reply reply = assertProblem(400, api.put("/api/v1/servers/pg-main",
                "{\"replicationRole\":\"Primary\",\"addresses\":\"10.0.0.5\"}"));
        assertNotNull(reply.json().get("detail"));
    }

    @Test
    void aMisspeltFieldIsRefusedByName() {
        Api.Reply reply = assertProblem(400, api.put("/api/v1/servers/pg-main",
                "{\"replicationRole\":\"Primary\",\"adresses\":[\"10.0.0.5\"]}"));
        assertEquals(List.of("adresses:unknownField"), reply.fieldRules());
    }

    @Test
    void aMissingBodyIs400() {
        assertProblem(400, api.exchange(HttpRequest.PUT("/api/v1/servers/pg-main", "")
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethodIs405() {
        assertProblem(404, api.get("/api/v1/nothing-here"));
        assertProblem(405, api.exchange(HttpRequest.POST("/api/v1/servers/pg-main", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    @Test
    void aWrongContentTypeIs415() {
        assertProblem(415, api.exchange(HttpRequest.PUT("/api/v1/servers/pg-main", "replicationRole=Primary")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));
    }

    @Test
    void fieldProblemsListFieldRuleAndMessage() {
        Api.Reply reply = assertProblem(400, api.put("/api/v1/servers/pg-main", "{\"addresses\":[]}"));
        assertEquals(List.of("replicationRole:required", "addresses:required"), reply.fieldRules());
    }

    private static Api.Reply assertProblem(int status, Api.Reply reply) {
        expect(status, reply);
        assertEquals("application/problem+json", reply.contentType(), reply.body());
        assertEquals(status, reply.json().get("status"));
        assertNotNull(reply.json().get("title"), reply.body());
        assertNotNull(reply.json().get("detail"), reply.body());
        return reply;
    }
}

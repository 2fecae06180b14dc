package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vedns.api.config.VednsConfiguration;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Type;

/**
 * Tokens guard every route of the API: 401 with a challenge for a missing, unknown, revoked or expired token,
 * 403 naming the role for one that may not, and a refused request changes nothing. Secrets are shown once
 * and never again: not in the log, the events, the state export, a problem body or the data directory.
 */
@MicronautTest(rebuildContext = true)
class TokensApiTest {

    /** Every route that needs a token (under /api, and /metrics), its least role, a request a caller could send it. */
    private record Route(HttpMethod method, String template, String path, String body, String role) {

        String key() {
            return method + " " + template;
        }
    }

    private static final String SERVER = "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.9\"]}";
    private static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.GET, "/api/v1/servers", "/api/v1/servers", null, "viewer"),
            new Route(HttpMethod.GET, "/api/v1/servers/{serverName}", "/api/v1/servers/pg-main", null, "viewer"),
            new Route(HttpMethod.PUT, "/api/v1/servers/{serverName}", "/api/v1/servers/pg-new", SERVER, "admin"),
            new Route(HttpMethod.DELETE, "/api/v1/servers/{serverName}", "/api/v1/servers/pg-replica-1", null, "admin"),
            new Route(HttpMethod.GET, "/api/v1/servers/{serverName}/virtual-endpoints",
                    "/api/v1/servers/pg-main/virtual-endpoints", null, "viewer"),
            new Route(HttpMethod.GET, "/api/v1/servers/{serverName}/virtual-endpoints/{endpointName}",
                    "/api/v1/servers/pg-main/virtual-endpoints/mydb", null, "viewer"),
            new Route(HttpMethod.PUT, "/api/v1/servers/{serverName}/virtual-endpoints/{endpointName}",
                    "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\",\"members\":[\"pg-main\"]}",
                    "operator"),
            new Route(HttpMethod.PATCH, "/api/v1/servers/{serverName}/virtual-endpoints/{endpointName}",
                    "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}", "operator"),
            new Route(HttpMethod.DELETE, "/api/v1/servers/{serverName}/virtual-endpoints/{endpointName}",
                    "/api/v1/servers/pg-main/virtual-endpoints/mydb", null, "operator"),
            new Route(HttpMethod.GET, "/api/v1/servers/{serverName}/custom-endpoints",
                    "/api/v1/servers/pg-main/custom-endpoints", null, "viewer"),
            new Route(HttpMethod.GET, "/api/v1/servers/{serverName}/custom-endpoints/{name}",
                    "/api/v1/servers/pg-main/custom-endpoints/analytics", null, "viewer"),
            new Route(HttpMethod.PUT, "/api/v1/servers/{serverName}/custom-endpoints/{name}",
                    "/api/v1/servers/pg-main/custom-endpoints/analytics", "{\"type\":\"Any\",\"excludedMembers\":[]}",
                    "operator"),
            new Route(HttpMethod.PATCH, "/api/v1/servers/{serverName}/custom-endpoints/{name}",
                    "/api/v1/servers/pg-main/custom-endpoints/analytics", "{\"type\":\"Reader\"}", "operator"),
            new Route(HttpMethod.DELETE, "/api/v1/servers/{serverName}/custom-endpoints/{name}",
                    "/api/v1/servers/pg-main/custom-endpoints/analytics", null, "operator"),
            new Route(HttpMethod.POST, "/api/v1/servers/{serverName}/promote", "/api/v1/servers/pg-replica-1/promote",
                    "{}", "operator"),
            new Route(HttpMethod.GET, "/api/v1/events", "/api/v1/events", null, "viewer"),
            new Route(HttpMethod.GET, "/api/v1/zone", "/api/v1/zone", null, "viewer"),
            new Route(HttpMethod.GET, "/api/v1/state", "/api/v1/state", null, "admin"),
            new Route(HttpMethod.PUT, "/api/v1/state", "/api/v1/state",
                    "{\"zone\":\"postgres.internal.\",\"servers\":[]}", "admin"),
            new Route(HttpMethod.GET, "/api/v1/tokens", "/api/v1/tokens", null, "admin"),
            new Route(HttpMethod.POST, "/api/v1/tokens", "/api/v1/tokens", "{\"name\":\"sneaky\",\"role\":\"admin\"}", "admin"),
            new Route(HttpMethod.GET, "/api/v1/tokens/self", "/api/v1/tokens/self", null, "viewer"),
            new Route(HttpMethod.DELETE, "/api/v1/tokens/{name}", "/api/v1/tokens/admin", null, "admin"),
            new Route(HttpMethod.GET, "/metrics", "/metrics", null, "viewer"));

    /** The routes about the whole fleet, closed to a scoped token whatever its role. */
    private static final Set<String> WHOLE_FLEET = Set.of("GET /api/v1/zone", "GET /api/v1/state", "PUT /api/v1/state",
            "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{name}");

    @Inject
    VednsUnderTest vedns;

    @Inject
    Router router;

    @Inject
    VednsConfiguration config;

    private Api admin;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        log.start();
        root().addAppender(log);
        admin = vedns.api();
        admin.standardFleet();
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private String issue(String name, String role, String expiresAt) {
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + role + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        Map<String, Object> created = expect(201, admin.post("/api/v1/tokens", body)).json();
        String secret = (String) created.get("secret");
        assertTrue(secret.matches("[A-Za-z0-9_-]{43,}"), "at least 256 bits, URL-safe: " + secret);
        return secret;
    }

    private static MutableHttpRequest<?> request(Route route) {
        MutableHttpRequest<Object> request = HttpRequest.create(route.method(), route.path());
        return route.body() == null ? request : request.body(route.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** HEAD routes are Micronaut's twins of the GET routes, with their annotations: the GET's row covers both. */
    @Test
    void theTableCoversEveryRouteOfTheApi() {
        TreeSet<String> routed = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/")
                        || route.getUriMatchTemplate().toString().equals("/metrics"))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate().toString().replaceAll("\\{\\?.*}$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routed, ROUTES.stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyRouteRefusesWhoMayNotAndTheRefusalsChangeNothing() throws Exception {
        String viewer = issue("viewer-1", "viewer", null);
        String operator = issue("operator-1", "operator", null);
        String revoked = issue("revoked-1", "admin", null);
        expect(204, admin.delete("/api/v1/tokens/revoked-1"));
        String expiring = issue("expiring-1", "admin", Instant.now().plusMillis(1500).toString());
        String scoped = (String) expect(201, admin.post("/api/v1/tokens",
                "{\"name\":\"orders-admin\",\"role\":\"admin\",\"servers\":[\"orders-*\"]}")).json().get("secret");
        Thread.sleep(1600);
        Observed before = observe();

        for (Route route : ROUTES) {
            String what = route.method() + " " + route.path();
            unauthorized(admin.as(null).exchange(request(route)), "required", what);
            unauthorized(admin.as("no-such-token").exchange(request(route)), "knownToken", what);
            unauthorized(admin.as(revoked).exchange(request(route)), "knownToken", what);
            unauthorized(admin.as(expiring).exchange(request(route)), "notExpired", what);
            if (!route.role().equals("viewer")) {
                forbidden(admin.as(viewer).exchange(request(route)), "viewer-1", route.role(), what);
            }
            if (route.role().equals("admin")) {
                forbidden(admin.as(operator).exchange(request(route)), "operator-1", route.role(), what);
            }
            if (route.path().startsWith("/api/v1/servers/pg") || WHOLE_FLEET.contains(route.key())) {
                Api.Reply outside = admin.as(scoped).exchange(request(route));
                assertEquals(403, outside.status(), what + " with a token scoped to orders-*: " + outside.body());
                assertEquals(List.of("Authorization:scope"), outside.fieldRules(), what);
            }
        }
        assertEquals(401, admin.as(null).exchange(HttpRequest.HEAD("/api/v1/servers")).status());
        assertEquals(403, admin.as(viewer).exchange(HttpRequest.HEAD("/api/v1/state")).status());
        assertEquals(before, observe());
    }

    @Test
    void eachRoleDoesWhatItMayAndTheEventsNameIt() throws Exception {
        String viewer = issue("viewer-1", "viewer", null);
        String operator = issue("operator-1", "operator", null);
        expect(200, admin.as(viewer).get("/api/v1/servers"));
        expect(200, admin.as(operator).patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"));
        expect(201, admin.put("/api/v1/servers/pg-new", SERVER));

        Map<String, Object> self = expect(200, admin.as(operator).get("/api/v1/tokens/self")).json();
        assertEquals("operator-1", self.get("name"));
        assertEquals(List.of("viewer", "operator"), self.get("includes"));
        List<Map<String, Object>> events = events();
        assertEquals("vedns", events.get(0).get("actor"), "the first admin token is vedns's own doing");
        assertEquals("TokenCreated", events.get(0).get("kind"));
        assertEquals(List.of("operator-1", "admin"), events.subList(events.size() - 2, events.size()).stream()
                .map(event -> event.get("actor")).toList());
    }

    @Test
    void aScopedTokenSeesAndTouchesOnlyItsReplicationSets() throws Exception {
        expect(201, admin.put("/api/v1/servers/orders-main", SERVER));
        expect(201, admin.put("/api/v1/servers/orders-replica", "{\"replicationRole\":\"AsyncReplica\","
                + "\"sourceServerName\":\"orders-main\",\"addresses\":[\"10.0.0.10\"]}"));
        expect(201, admin.put("/api/v1/servers/orders-main/virtual-endpoints/orders", "{\"endpointType\":\"ReadWrite\"}"));
        Map<String, Object> created = expect(201, admin.post("/api/v1/tokens",
                "{\"name\":\"orders-ci\",\"role\":\"admin\",\"servers\":[\"orders-*\"]}")).json();
        assertEquals(List.of("orders-*"), created.get("servers"));
        Api orders = admin.as((String) created.get("secret"));

        assertEquals(List.of("orders-main", "orders-replica"), expect(200, orders.get("/api/v1/servers")).jsonList()
                .stream().map(server -> server.get("name")).toList());
        expect(200, orders.patch("/api/v1/servers/orders-main/virtual-endpoints/orders", "{\"members\":[\"orders-main\"]}"));
        List<Map<String, Object>> events = eventsAs(orders);
        assertFalse(events.isEmpty());
        assertTrue(events.stream().allMatch(event -> ((List<?>) event.get("servers")).stream()
                .allMatch(server -> server.toString().startsWith("orders-"))), events.toString());
        assertEquals(List.of("orders-*"), expect(200, orders.get("/api/v1/tokens/self")).json().get("servers"));

        Observed before = observe();
        for (Api.Reply refused : List.of(orders.get("/api/v1/servers/pg-main"),
                orders.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"),
                orders.exchange(HttpRequest.POST("/api/v1/servers/pg-replica-1/promote", "{}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)),
                orders.put("/api/v1/servers/other-replica", "{\"replicationRole\":\"AsyncReplica\","
                        + "\"sourceServerName\":\"orders-main\",\"addresses\":[\"10.0.0.11\"]}"),
                orders.get("/api/v1/state"), orders.get("/api/v1/zone"), orders.get("/api/v1/tokens"),
                orders.post("/api/v1/tokens", "{\"name\":\"escalated\",\"role\":\"admin\"}"))) {
            assertEquals(403, refused.status(), refused.body());
            assertEquals(List.of("Authorization:scope"), refused.fieldRules(), refused.body());
        }
        assertEquals(before, observe());
        assertEquals(List.of("servers[0]:glob"), expect(400, admin.post("/api/v1/tokens",
                "{\"name\":\"bad-scope\",\"role\":\"viewer\",\"servers\":[\"Orders_*\"]}")).fieldRules());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> eventsAs(Api api) {
        return (List<Map<String, Object>>) expect(200, api.get("/api/v1/events?limit=1000")).json().get("events");
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() {
        String ci = issue("ci-deploy", "operator", null);
        expect(200, admin.as(ci).get("/api/v1/servers"));
        expect(204, admin.delete("/api/v1/tokens/ci-deploy"));
        unauthorized(admin.as(ci).get("/api/v1/servers"), "knownToken", "after revocation");
        expect(404, admin.delete("/api/v1/tokens/ci-deploy"));
    }

    @Test
    void theListShowsNamesRolesAndUseButNeverSecrets() {
        String ci = issue("ci-deploy", "operator", "2099-01-01T00:00:00Z");
        expect(200, admin.as(ci).get("/api/v1/zone"));
        List<Map<String, Object>> tokens = expect(200, admin.get("/api/v1/tokens")).jsonList();
        assertEquals(List.of("admin", "ci-deploy"), tokens.stream().map(token -> token.get("name")).toList());
        Map<String, Object> listed = tokens.get(1);
        assertEquals("operator", listed.get("role"));
        assertEquals("2099-01-01T00:00:00Z", listed.get("expiresAt"));
        assertNotNull(listed.get("createdAt"));
        assertNotNull(listed.get("lastUsedAt"));
        assertFalse(listed.containsKey("secret"));
        assertEquals(409, admin.post("/api/v1/tokens", "{\"name\":\"ci-deploy\",\"role\":\"viewer\"}").status());
        assertEquals(List.of("name:pattern", "role:oneOf"),
                expect(400, admin.post("/api/v1/tokens", "{\"name\":\"CI\",\"role\":\"root\"}")).fieldRules());
    }

    @Test
    void noSecretIsEverLoggedExportedRecordedOrEchoed() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(vedns.adminToken(), issue("ci-deploy", "operator", null)));
        String revoked = issue("gone-1", "viewer", null);
        secrets.add(revoked);
        expect(204, admin.delete("/api/v1/tokens/gone-1"));
        List<String> seen = new ArrayList<>();
        for (String secret : secrets) {
            seen.add(admin.as(secret).get("/api/v1/servers").body());
            seen.add(admin.as(secret).put("/api/v1/servers/Bad_Name", SERVER).body());
            seen.add(admin.as(secret.substring(1)).get("/api/v1/servers").body());
            seen.add(admin.as(secret).get("/api/v1/tokens").body());
        }
        seen.add(admin.get("/api/v1/events?limit=1000").body());
        seen.add(admin.get("/api/v1/state").body());
        seen.add(admin.get("/api/v1/zone").body());
        seen.add(admin.get("/metrics").body());
        log.list.forEach(event -> seen.add(event.getFormattedMessage()));
        try (Stream<Path> files = Files.walk(config.getDataDir())) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.endsWith("admin.token")).toList()) {
                seen.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().contains("Refused a request from")),
                "a failed authentication is logged");
        for (String secret : secrets) {
            for (String text : seen) {
                assertFalse(text.contains(secret), "a secret showed up in: " + text);
            }
        }
    }

    private void unauthorized(Api.Reply reply, String rule, String what) {
        assertEquals(401, reply.status(), what + ": " + reply.body());
        assertEquals("Bearer realm=\"vedns\"", reply.challenge(), what);
        assertEquals("application/problem+json", reply.contentType(), what);
        assertEquals(List.of("Authorization:" + rule), reply.fieldRules(), what);
    }

    private static void forbidden(Api.Reply reply, String token, String role, String what) {
        assertEquals(403, reply.status(), what + ": " + reply.body());
        assertEquals(List.of("Authorization:role"), reply.fieldRules(), what);
        String detail = (String) reply.json().get("detail");
        assertTrue(detail.contains("'" + token + "'") && detail.contains("needs the " + role + " role"), detail);
    }

    /** What a client can see: the state, the serial, the events, DNS and the tokens. */
    private record Observed(Map<String, Object> state, long serial, Object latestEvent, List<String> answers,
                            List<Object> tokens) {
    }

    private Observed observe() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String name : List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
                "pg-main.postgres.internal.", "pg-new.postgres.internal.")) {
            answers.addAll(vedns.dns().answer(name, Type.A));
        }
        List<Object> tokens = expect(200, admin.get("/api/v1/tokens")).jsonList().stream()
                .map(token -> (Object) token.get("name")).toList();
        return new Observed(expect(200, admin.get("/api/v1/state")).json(), vedns.dns().serial(),
                expect(200, admin.get("/api/v1/events?limit=1")).json().get("latestId"), answers, tokens);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) expect(200, admin.get("/api/v1/events?limit=1000")).json().get("events");
    }
}

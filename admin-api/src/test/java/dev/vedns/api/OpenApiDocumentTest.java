package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code /openapi.yml}, generated from the controllers, describes every route, its problems and the bearer scheme. */
@MicronautTest
class OpenApiDocumentTest {

    @Inject
    VednsUnderTest vedns;

    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsDescribedWithItsProblemsAndTheBearerScheme() {
        Api.Reply reply = expect(200, vedns.api().as(null).get("/openapi.yml"));
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reply.body());
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        TreeSet<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            described.add(method.toUpperCase(Locale.ROOT) + " " + path);
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) responses.get("4XX")).get("content");
            assertTrue(problem.containsKey("application/problem+json"), method + " " + path + " lists no problem");
        }));
        TreeSet<String> routed = router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate().toString().replaceAll("\\{\\?.*}$", ""))
                .filter(route -> route.contains(" /api/") || route.endsWith(" /metrics"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routed, described);

        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("securitySchemes");
        assertEquals(Map.of("type", "http", "scheme", "bearer", "description",
                "The secret of a vedns token: Authorization: Bearer <secret>"), schemes.get("bearer"));
        assertEquals(java.util.List.of(Map.of("bearer", java.util.List.of())), document.get("security"));
    }
}

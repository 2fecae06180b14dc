package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vedns.access.Secrets;
import dev.vedns.access.Token;
import dev.vedns.access.TokenRole;
import dev.vedns.engine.Applied;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens: named as servers are, one of three roles, an expiry in the future; a change of them leaves DNS alone. */
class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5");

    private static RoutingCommand.CreateToken create(String name, String role, String expiresAt) {
        return new RoutingCommand.CreateToken(name, role, null, expiresAt, Secrets.hash("secret-of-" + name), NOW);
    }

    @Test
    void aTokenIsKeptWithItsHashAndLeavesTheSerialAlone() {
        long serial = rules.serial();
        Applied created = rules.apply(create("ci-deploy", "Operator", "2027-01-31T00:00:00Z"));
        Token token = rules.table().token("ci-deploy");
        assertEquals(new Token("ci-deploy", TokenRole.operator, List.of(), Secrets.hash("secret-of-ci-deploy"), NOW,
                Instant.parse("2027-01-31T00:00:00Z")), token);
        assertEquals("TokenCreated", created.event().kind());
        assertEquals("operator", created.event().details().get("role"));
        assertEquals(serial, rules.serial(), "a token is no change of the zone");

        assertEquals("TokenDeleted", rules.apply(new RoutingCommand.DeleteToken("ci-deploy")).event().kind());
        assertNull(rules.table().token("ci-deploy"));
        assertEquals(serial, rules.serial());
    }

    @Test
    void badFieldsAreRefusedByName() {
        RoutingException refusal = rules.refused(INVALID, create("Bad_Name", "root", "yesterday"));
        assertEquals(List.of("name:pattern", "role:oneOf", "expiresAt:instant"),
                refusal.errors().stream().map(error -> error.field() + ":" + error.rule()).toList());
        assertEquals("role:required", only(rules.refused(INVALID, create("ci-bot", null, null))));
        assertEquals("expiresAt:future", only(rules.refused(INVALID, create("ci-bot", "viewer", "2026-12-01T12:00:00Z"))));
    }

    @Test
    void aScopeIsAListOfServerGlobs() {
        rules.apply(new RoutingCommand.CreateToken("orders-ci", "operator", List.of("orders-*", "pg-main"), null,
                Secrets.hash("s"), NOW));
        assertEquals(List.of("orders-*", "pg-main"), rules.table().token("orders-ci").servers());
        RoutingException refusal = rules.refused(INVALID, new RoutingCommand.CreateToken("bad-scope", "viewer",
                List.of("Orders_*", ""), null, Secrets.hash("t"), NOW));
        assertEquals(List.of("servers[0]:glob", "servers[1]:glob"),
                refusal.errors().stream().map(error -> error.field() + ":" + error.rule()).toList());
    }

    @Test
    void aNameIsIssuedOnceAndAMissingTokenIsNotFound() {
        rules.apply(create("ci-bot", "viewer", null));
        rules.refused(CONFLICT, create("ci-bot", "admin", null));
        rules.refused(NOT_FOUND, new RoutingCommand.DeleteToken("nobody"));
    }

    @Test
    void aWholeStateImportKeepsTheTokens() {
        rules.apply(create("ci-bot", "admin", null));
        rules.apply(new RoutingCommand.ReplaceState("postgres.internal.", List.of(), List.of()));
        assertEquals(0, rules.table().serverCount());
        assertEquals("ci-bot", rules.table().token("ci-bot").name());
    }

    private static String only(RoutingException refusal) {
        FieldError error = Rules.only(refusal);
        return error.field() + ":" + error.rule();
    }
}

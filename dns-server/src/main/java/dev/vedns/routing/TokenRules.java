package dev.vedns.routing;

import dev.vedns.access.Token;
import dev.vedns.access.TokenRole;
import dev.vedns.engine.Scope;
import dev.vedns.routing.Outcome.Effect;
import dev.vedns.routing.RoutingCommand.CreateToken;
import dev.vedns.routing.RoutingCommand.DeleteToken;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of API tokens: named as servers are, a role, globs of the servers they reach, an expiry in the
 * future; one token per name.
 */
final class TokenRules {

    private TokenRules() {
    }

    static Outcome create(RoutingTable table, CreateToken create) {
        List<FieldError> errors = new ArrayList<>();
        FieldError badName = Names.check("name", create.name());
        if (badName != null) {
            errors.add(badName);
        }
        TokenRole role = Choices.parseOr(TokenRole.class, "role", create.role(), null, errors);
        List<String> servers = create.servers() == null ? List.of() : create.servers();
        for (int i = 0; i < servers.size(); i++) {
            if (!Scope.isGlob(servers.get(i))) {
                String field = "servers[" + i + "]";
                errors.add(new FieldError(field, "glob", field + " '" + servers.get(i) + "' must be 1-63 lowercase"
                        + " letters, digits, hyphens and * (any run of them), e.g. orders-*."));
            }
        }
        Instant expiresAt = expiry(create.expiresAt(), create.requestedAt(), errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        if (table.token(create.name()) != null) {
            throw RoutingException.conflict("Token '" + create.name() + "' exists already: delete it first to issue"
                    + " a new secret under that name.");
        }
        return new Outcome(table.withToken(new Token(create.name(), role, servers, create.secretHash(),
                create.requestedAt(), expiresAt)), Effect.CREATED);
    }

    static Outcome delete(RoutingTable table, DeleteToken delete) {
        if (delete.name() == null || table.token(delete.name()) == null) {
            throw RoutingException.notFound("Token '" + delete.name() + "' does not exist.");
        }
        return new Outcome(table.withoutToken(delete.name()), Effect.DELETED);
    }

    private static Instant expiry(String text, Instant now, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            errors.add(new FieldError("expiresAt", "instant", "expiresAt '" + text
                    + "' is not an ISO-8601 instant such as 2027-01-31T00:00:00Z."));
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "future", "expiresAt '" + text + "' is not in the future."));
        }
        return expiresAt;
    }
}

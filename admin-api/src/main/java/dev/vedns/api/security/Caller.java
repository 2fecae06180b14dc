package dev.vedns.api.security;

import dev.vedns.access.TokenRole;
import dev.vedns.engine.Actor;
import dev.vedns.engine.Scope;
import dev.vedns.events.RoutingEvent;
import io.micronaut.http.HttpRequest;

/**
 * Who sent a request, as the token filter found out: the token's name, role and scope, or {@code anonymous}
 * with full rights when authentication is off.
 */
public record Caller(String name, TokenRole role, Scope scope) {

    static final String ATTRIBUTE = "vedns.caller";
    static final Caller ANONYMOUS = new Caller(RoutingEvent.ANONYMOUS, TokenRole.admin, Scope.ALL);

    /** The caller of a request the token filter let through; any other request is a defect, not an open door. */
    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class).orElseThrow(() -> new IllegalStateException(
                "no caller on " + request.getMethod() + " " + request.getPath() + ": the token filter did not run"));
    }

    /** The caller as the engine knows one who asks for a change. */
    public Actor actor() {
        return new Actor(name, scope);
    }
}

package dev.vedns.api.security;

import dev.vedns.access.Token;
import dev.vedns.access.TokenRole;
import dev.vedns.api.config.VednsConfiguration;
import dev.vedns.api.problem.Problem;
import dev.vedns.api.problem.Problems;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.Scope;
import dev.vedns.routing.RoutingTable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every request to the API presents a token, and the token's role must include the one its route needs
 * ({@link AllowedFor}; admin where a route says nothing). Runs once the route is matched and before its
 * body is read, so a refused request costs no upload; a refusal is 401 (no valid token) or 403 (not enough
 * role), as problem+json naming the rule.
 */
@ServerFilter({"/api/**", "/metrics"})
public class TokenFilter implements Ordered {

    /** Before every other filter of the API: nothing is looked at for a caller who is not let in. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final String BEARER = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"vedns\"";

    private final boolean enabled;
    private final Authenticator authenticator;
    private final RoutingEngine engine;
    private final FailedAuthentications failures = new FailedAuthentications(System::nanoTime);

    public TokenFilter(VednsConfiguration config, Authenticator authenticator, RoutingEngine engine) {
        this.enabled = config.getAuth().isEnabled();
        this.authenticator = authenticator;
        this.engine = engine;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!enabled) {
            request.setAttribute(Caller.ATTRIBUTE, Caller.ANONYMOUS);
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(request, "required", "This request needs a token: send Authorization: Bearer"
                    + " <secret>. The first admin token's secret is in <data-dir>/admin.token.");
        }
        Optional<Token> found = authenticator.find(header.substring(BEARER.length()).trim());
        if (found.isEmpty()) {
            return unauthorized(request, "knownToken", "The token presented is not known to vedns: it was never"
                    + " issued, or it was revoked.");
        }
        Token token = found.get();
        Instant now = Instant.now();
        if (token.expiredAt(now)) {
            return unauthorized(request, "notExpired", "Token '" + token.name() + "' expired at " + token.expiresAt()
                    + ": ask an admin for a new one.");
        }
        authenticator.used(token, now);
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        TokenRole needed = route.flatMap(match -> match.getAnnotationMetadata().enumValue(AllowedFor.class,
                TokenRole.class)).orElse(TokenRole.admin);
        if (!token.role().includes(needed)) {
            return refusal(HttpStatus.FORBIDDEN, "role", "Token '" + token.name() + "' is a " + token.role()
                    + " token; " + request.getMethodName() + " " + request.getPath() + " needs the " + needed
                    + " role or more.");
        }
        Scope scope = Scope.of(token.servers());
        String outOfScope = outOfScope(scope, route);
        if (outOfScope != null) {
            return refusal(HttpStatus.FORBIDDEN, "scope", "Token '" + token.name() + "' reaches only the replication"
                    + " sets of " + scope + "; " + outOfScope + ".");
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(token.name(), token.role(), scope));
        return null;
    }

    /** Why a scoped token may not use this route, or null: a whole-fleet route, or a server outside its sets. */
    private String outOfScope(Scope scope, Optional<RouteMatch<?>> route) {
        if (scope.unscoped() || route.isEmpty()) {
            return null;
        }
        if (route.get().getAnnotationMetadata().hasAnnotation(Unscoped.class)) {
            return "this route is about the whole fleet";
        }
        Object server = route.get() instanceof UriRouteMatch<?, ?> uri ? uri.getVariableValues().get("serverName") : null;
        RoutingTable table = engine.table();
        if (server != null && table.server(server.toString()) != null && !scope.reaches(table, server.toString())) {
            return "the set of '" + server + "' is not among them";
        }
        return null;
    }

    private HttpResponse<Problem> unauthorized(HttpRequest<?> request, String rule, String detail) {
        failures.record(request.getRemoteAddress().getAddress().getHostAddress(), detail);
        return refusal(HttpStatus.UNAUTHORIZED, rule, detail).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    private static MutableHttpResponse<Problem> refusal(HttpStatus status, String rule, String detail) {
        return Problems.response(status, detail, List.of(new Problem.FieldProblem("Authorization", rule, detail)));
    }

    /** Refusals for want of a valid token since the start. */
    public long failures() {
        return failures.count();
    }
}

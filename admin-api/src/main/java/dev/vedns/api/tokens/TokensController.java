package dev.vedns.api.tokens;

import dev.vedns.access.Secrets;
import dev.vedns.access.Token;
import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.Paging;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.Authenticator;
import dev.vedns.api.security.Caller;
import dev.vedns.api.security.Unscoped;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/tokens}: issue, list and revoke the API's tokens (admin), and tell a caller who it is. */
@Controller("/api/v1/tokens")
@ProblemResponses
@AllowedFor(TokenRole.admin)
public class TokensController {

    private final RoutingEngine engine;
    private final Changes changes;
    private final Authenticator authenticator;

    public TokensController(RoutingEngine engine, Changes changes, Authenticator authenticator) {
        this.engine = engine;
        this.changes = changes;
        this.authenticator = authenticator;
    }

    /** 201 with the new token and its secret: the only time the secret is shown. */
    @Post
    @Unscoped
    public HttpResponse<TokenResource> create(@Body TokenRequest body, HttpRequest<?> request) {
        String secret = Secrets.create();
        Applied applied = changes.apply(new RoutingCommand.CreateToken(body.name(), body.role(), body.servers(),
                body.expiresAt(), Secrets.hash(secret), Instant.now()), request);
        Token token = applied.table().token(body.name());
        return HttpResponse.status(HttpStatus.CREATED).body(resource(token, secret, null));
    }

    @Get
    @Unscoped
    public HttpResponse<List<TokenResource>> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String after,
                                                 @Nullable @QueryValue String prefix, HttpRequest<?> request) {
        return Paging.of(limit, after, prefix).respond(request, List.copyOf(engine.table().tokens()), Token::name,
                token -> true, token -> resource(token, null, null));
    }

    /** The token that sent this request, so a client can show who it is signed in as and what it may do. */
    @Get("/self")
    @AllowedFor(TokenRole.viewer)
    public TokenResource self(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        List<String> includes = Arrays.stream(TokenRole.values()).filter(caller.role()::includes).map(Enum::name).toList();
        Token token = engine.table().token(caller.name());
        // With authentication off the caller is anonymous: no token stands behind it.
        return token == null
                ? new TokenResource(caller.name(), caller.role().name(), null, null, null, null, null, includes)
                : resource(token, null, includes);
    }

    /** Revokes at once: the next request with this token gets 401. */
    @Delete("/{name}")
    @Unscoped
    public HttpResponse<Void> delete(String name, HttpRequest<?> request) {
        changes.apply(new RoutingCommand.DeleteToken(name), request);
        return HttpResponse.noContent();
    }

    /** A scope as the API shows it: absent for an unscoped token. */
    private static List<String> scope(List<String> globs) {
        return globs.isEmpty() ? null : globs;
    }

    private TokenResource resource(Token token, String secret, List<String> includes) {
        Instant lastUsed = authenticator.lastUsed(token.name());
        return new TokenResource(token.name(), token.role().name(), scope(token.servers()), token.createdAt().toString(),
                token.expiresAt() == null ? null : token.expiresAt().toString(),
                lastUsed == null ? null : lastUsed.toString(), secret, includes);
    }
}

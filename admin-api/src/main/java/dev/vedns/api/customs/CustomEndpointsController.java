package dev.vedns.api.customs;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.DryRun;
import dev.vedns.api.Paging;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingQueries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;

/** {@code /api/v1/servers/{serverName}/custom-endpoints}: the named subsets of a primary's set. */
@Controller("/api/v1/servers/{serverName}/custom-endpoints")
@ProblemResponses
@AllowedFor(TokenRole.operator)
public class CustomEndpointsController {

    private final RoutingEngine engine;
    private final Changes changes;
    private final Representations representations;

    public CustomEndpointsController(RoutingEngine engine, Changes changes, Representations representations) {
        this.engine = engine;
        this.changes = changes;
        this.representations = representations;
    }

    @Get
    @AllowedFor(TokenRole.viewer)
    public HttpResponse<List<CustomEndpointResource>> list(String serverName, @Nullable @QueryValue Integer limit,
                                                           @Nullable @QueryValue String after,
                                                           @Nullable @QueryValue String prefix, HttpRequest<?> request) {
        return Paging.of(limit, after, prefix).respond(request, RoutingQueries.customs(engine.table(), serverName),
                CustomEndpoint::name, custom -> true, representations::custom);
    }

    @Get("/{name}")
    @AllowedFor(TokenRole.viewer)
    public CustomEndpointResource show(String serverName, String name) {
        return representations.custom(RoutingQueries.custom(engine.table(), serverName, name));
    }

    /** With {@code dryRun=true} on any change below, the answer it would get, with nothing done. */
    @Put("/{name}")
    public HttpResponse<CustomEndpointResource> put(String serverName, String name, @Nullable @QueryValue String dryRun,
                                                    @Body CustomEndpointRequest body, HttpRequest<?> request) {
        boolean dry = DryRun.requested(dryRun);
        Applied applied = changes.run(new RoutingCommand.PutCustomEndpoint(serverName, name, body.type(), body.members(),
                body.excludedMembers()), dry, request);
        return HttpResponse.status(applied.created() && !dry ? HttpStatus.CREATED : HttpStatus.OK)
                .body(representations.custom(applied.table().custom(name)));
    }

    @Patch("/{name}")
    public CustomEndpointResource patch(String serverName, String name, @Nullable @QueryValue String dryRun,
                                        @Body CustomEndpointRequest body, HttpRequest<?> request) {
        Applied applied = changes.run(new RoutingCommand.PatchCustomEndpoint(serverName, name, body.type(),
                body.members(), body.excludedMembers()), DryRun.requested(dryRun), request);
        return representations.custom(applied.table().custom(name));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(String serverName, String name, @Nullable @QueryValue String dryRun,
                                     HttpRequest<?> request) {
        changes.run(new RoutingCommand.DeleteCustomEndpoint(serverName, name), DryRun.requested(dryRun), request);
        return HttpResponse.noContent();
    }
}

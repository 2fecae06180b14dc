package dev.vedns.api.endpoints;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.DryRun;
import dev.vedns.api.Paging;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingQueries;
import dev.vedns.routing.VirtualEndpoint;
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

/** {@code /api/v1/servers/{serverName}/virtual-endpoints}: the writer/reader pair of a primary's set. */
@Controller("/api/v1/servers/{serverName}/virtual-endpoints")
@ProblemResponses
@AllowedFor(TokenRole.operator)
public class VirtualEndpointsController {

    private final RoutingEngine engine;
    private final Changes changes;
    private final Representations representations;

    public VirtualEndpointsController(RoutingEngine engine, Changes changes, Representations representations) {
        this.engine = engine;
        this.changes = changes;
        this.representations = representations;
    }

    /** The set's pairs (at most one), paged like every list. */
    @Get
    @AllowedFor(TokenRole.viewer)
    public HttpResponse<List<EndpointResource>> list(String serverName, @Nullable @QueryValue Integer limit,
                                                     @Nullable @QueryValue String after,
                                                     @Nullable @QueryValue String prefix, HttpRequest<?> request) {
        return Paging.of(limit, after, prefix).respond(request, RoutingQueries.endpoints(engine.table(), serverName),
                VirtualEndpoint::name, pair -> true, representations::endpoint);
    }

    @Get("/{endpointName}")
    @AllowedFor(TokenRole.viewer)
    public EndpointResource show(String serverName, String endpointName) {
        return representations.endpoint(RoutingQueries.endpoint(engine.table(), serverName, endpointName));
    }

    /**
     * With {@code dryRun=true} on any change below, the answer the change would get, judged by the same rules,
     * with nothing journaled, published or recorded.
     */
    @Put("/{endpointName}")
    public HttpResponse<EndpointResource> put(String serverName, String endpointName, @Nullable @QueryValue String dryRun,
                                              @Body EndpointRequest body, HttpRequest<?> request) {
        boolean dry = DryRun.requested(dryRun);
        Applied applied = changes.run(new RoutingCommand.PutEndpoint(serverName, endpointName, body.endpointType(),
                body.members(), body.writerFollowsObservedPrimary()), dry, request);
        return HttpResponse.status(applied.created() && !dry ? HttpStatus.CREATED : HttpStatus.OK)
                .body(representations.endpoint(applied.table().endpoint(endpointName)));
    }

    @Patch("/{endpointName}")
    public EndpointResource retarget(String serverName, String endpointName, @Nullable @QueryValue String dryRun,
                                     @Body EndpointRequest body, HttpRequest<?> request) {
        Applied applied = changes.run(new RoutingCommand.PatchEndpoint(serverName, endpointName, body.endpointType(),
                body.members(), body.writerFollowsObservedPrimary()), DryRun.requested(dryRun), request);
        return representations.endpoint(applied.table().endpoint(endpointName));
    }

    @Delete("/{endpointName}")
    public HttpResponse<Void> delete(String serverName, String endpointName, @Nullable @QueryValue String dryRun,
                                     HttpRequest<?> request) {
        changes.run(new RoutingCommand.DeleteEndpoint(serverName, endpointName), DryRun.requested(dryRun), request);
        return HttpResponse.noContent();
    }
}

package dev.vedns.api.endpoints;

import dev.vedns.api.DryRun;
import dev.vedns.api.Representations;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingQueries;
import io.micronaut.core.annotation.Nullable;
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
public class VirtualEndpointsController {

    private final RoutingEngine engine;
    private final Representations representations;

    public VirtualEndpointsController(RoutingEngine engine, Representations representations) {
        this.engine = engine;
        this.representations = representations;
    }

    @Get
    public List<EndpointResource> list(String serverName) {
        return RoutingQueries.endpoints(engine.table(), serverName).stream().map(representations::endpoint).toList();
    }

    @Get("/{endpointName}")
    public EndpointResource show(String serverName, String endpointName) {
        return representations.endpoint(RoutingQueries.endpoint(engine.table(), serverName, endpointName));
    }

    /** With {@code dryRun=true}, the pair as it would be (200), or the problem that refuses it; nothing done. */
    @Put("/{endpointName}")
    public HttpResponse<EndpointResource> put(String serverName, String endpointName, @Nullable @QueryValue String dryRun,
                                              @Body EndpointRequest request) {
        boolean dry = DryRun.requested(dryRun);
        RoutingCommand.PutEndpoint put = new RoutingCommand.PutEndpoint(serverName, endpointName,
                request.endpointType(), request.members());
        Applied applied = dry ? engine.preview(put) : engine.apply(put);
        return HttpResponse.status(applied.created() && !dry ? HttpStatus.CREATED : HttpStatus.OK)
                .body(representations.endpoint(applied.table().endpoint(endpointName)));
    }

    @Patch("/{endpointName}")
    public EndpointResource retarget(String serverName, String endpointName, @Body EndpointRequest request) {
        Applied applied = engine.apply(new RoutingCommand.RetargetReader(serverName, endpointName,
                request.endpointType(), request.members()));
        return representations.endpoint(applied.table().endpoint(endpointName));
    }

    @Delete("/{endpointName}")
    public HttpResponse<Void> delete(String serverName, String endpointName) {
        engine.apply(new RoutingCommand.DeleteEndpoint(serverName, endpointName));
        return HttpResponse.noContent();
    }
}

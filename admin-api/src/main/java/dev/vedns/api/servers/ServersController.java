package dev.vedns.api.servers;

import dev.vedns.api.Representations;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingQueries;
import dev.vedns.routing.RoutingTable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import java.util.List;

/** {@code /api/v1/servers}: register, show and remove PostgreSQL servers. */
@Controller("/api/v1/servers")
public class ServersController {

    private final RoutingEngine engine;
    private final Representations representations;

    public ServersController(RoutingEngine engine, Representations representations) {
        this.engine = engine;
        this.representations = representations;
    }

    @Get
    public List<ServerResource> list() {
        RoutingTable table = engine.table();
        return table.servers().stream().map(server -> representations.server(table, server)).toList();
    }

    @Get("/{serverName}")
    public ServerResource show(String serverName) {
        RoutingTable table = engine.table();
        return representations.server(table, RoutingQueries.server(table, serverName));
    }

    @Put("/{serverName}")
    public HttpResponse<ServerResource> put(String serverName, @Body ServerRequest request) {
        Applied applied = engine.apply(new RoutingCommand.PutServer(serverName, request.replicationRole(),
                request.sourceServerName(), request.addresses()));
        ServerResource body = representations.server(applied.table(), applied.table().server(serverName));
        return HttpResponse.status(applied.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    @Delete("/{serverName}")
    public HttpResponse<Void> delete(String serverName) {
        engine.apply(new RoutingCommand.DeleteServer(serverName));
        return HttpResponse.noContent();
    }
}

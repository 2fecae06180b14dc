package dev.vedns.api.servers;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.Paging;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.Caller;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.Scope;
import dev.vedns.routing.Choices;
import dev.vedns.routing.FieldError;
import dev.vedns.routing.ReplicationRole;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import dev.vedns.routing.RoutingQueries;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;

/** {@code /api/v1/servers}: register, show and remove PostgreSQL servers. */
@Controller("/api/v1/servers")
@ProblemResponses
public class ServersController {

    private final RoutingEngine engine;
    private final Changes changes;
    private final Representations representations;

    public ServersController(RoutingEngine engine, Changes changes, Representations representations) {
        this.engine = engine;
        this.changes = changes;
        this.representations = representations;
    }

    /**
     * Every server the caller's scope reaches, by name; {@code limit}, {@code after}, {@code prefix} page it, and
     * {@code replicationRole} keeps one role (Primary: one item per replication set).
     */
    @Get
    @AllowedFor(TokenRole.viewer)
    public HttpResponse<List<ServerResource>> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String after,
                                                   @Nullable @QueryValue String prefix,
                                                   @Nullable @QueryValue String replicationRole, HttpRequest<?> request) {
        RoutingTable table = engine.table();
        Scope scope = Caller.of(request).scope();
        ReplicationRole role = replicationRole == null ? null : Choices.parse(ReplicationRole.class, replicationRole)
                .orElseThrow(() -> RoutingException.invalid(List.of(new FieldError("replicationRole", "oneOf",
                        "replicationRole '" + replicationRole + "' is not one of: Primary, AsyncReplica."))));
        return Paging.of(limit, after, prefix).respond(request, List.copyOf(table.servers()), Server::name,
                server -> (role == null || server.role() == role) && scope.reaches(table, server.name()),
                server -> representations.server(table, server));
    }

    @Get("/{serverName}")
    @AllowedFor(TokenRole.viewer)
    public ServerResource show(String serverName) {
        RoutingTable table = engine.table();
        return representations.server(table, RoutingQueries.server(table, serverName));
    }

    @Put("/{serverName}")
    public HttpResponse<ServerResource> put(String serverName, @Body ServerRequest body, HttpRequest<?> request) {
        Applied applied = changes.apply(new RoutingCommand.PutServer(serverName, body.replicationRole(),
                body.sourceServerName(), body.addresses(), ProbeBody.text(body.probe())), request);
        ServerResource server = representations.server(applied.table(), applied.table().server(serverName));
        return HttpResponse.status(applied.created() ? HttpStatus.CREATED : HttpStatus.OK).body(server);
    }

    @Delete("/{serverName}")
    public HttpResponse<Void> delete(String serverName, HttpRequest<?> request) {
        changes.apply(new RoutingCommand.DeleteServer(serverName), request);
        return HttpResponse.noContent();
    }
}

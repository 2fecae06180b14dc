package dev.vedns.api.promotion;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.DryRun;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.engine.Applied;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code POST /api/v1/servers/{serverName}/promote}: promote a replica, the endpoints following the roles. */
@Controller("/api/v1/servers/{serverName}/promote")
@ProblemResponses
@AllowedFor(TokenRole.operator)
public class PromotionController {

    private final Changes changes;
    private final Representations representations;

    public PromotionController(Changes changes, Representations representations) {
        this.changes = changes;
        this.representations = representations;
    }

    /** With {@code dryRun=true}, what the promotion would do (event id 0), and nothing done. */
    @Post
    public PromotionResult promote(String serverName, @Nullable @QueryValue String dryRun,
                                   @Nullable @Body PromoteRequest requested, HttpRequest<?> request) {
        boolean dry = DryRun.requested(dryRun);
        PromoteRequest body = requested == null ? new PromoteRequest(null, null) : requested;
        RoutingCommand.Promote promote = RoutingCommand.Promote.of(serverName, body.promoteMode(), body.promoteOption());
        Applied applied = changes.run(promote, dry, request);
        RoutingTable table = applied.table();
        // The promoted server's set first, then every other set whose members the promotion changed.
        Set<String> primaries = new LinkedHashSet<>();
        primaries.add(serverName);
        for (String touched : applied.event().servers()) {
            Server server = table.server(touched);
            if (server != null) {
                primaries.add(server.primaryName());
            }
        }
        List<Server> sets = primaries.stream().map(table::server).toList();
        return new PromotionResult(serverName, promote.mode().name(), promote.option().name(), applied.event().id(),
                sets.stream().map(primary -> representations.server(table, primary)).toList());
    }
}

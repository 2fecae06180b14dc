package dev.vedns.api.state;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.TakesWholeState;
import dev.vedns.api.security.Unscoped;
import dev.vedns.engine.Published;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingTable;
import dev.vedns.zone.ZoneSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;

/** {@code /api/v1/state}: export the whole state, or replace it atomically from such a document. */
@Controller("/api/v1/state")
@ProblemResponses
@AllowedFor(TokenRole.admin)
@Unscoped
public class StateController {

    private final RoutingEngine engine;
    private final Changes changes;
    private final Representations representations;
    private final String zone;

    public StateController(RoutingEngine engine, Changes changes, Representations representations,
                           ZoneSettings settings) {
        this.engine = engine;
        this.changes = changes;
        this.representations = representations;
        this.zone = settings.origin().toString();
    }

    @Get
    public StateDocument export() {
        return document(engine.published());
    }

    @Put
    @TakesWholeState
    public StateDocument replace(@Body StateImport document, HttpRequest<?> request) {
        changes.apply(document.toCommand(), request);
        return export();
    }

    private StateDocument document(Published published) {
        RoutingTable table = published.table();
        return new StateDocument(zone, published.snapshot().serial(),
                table.servers().stream().map(server -> representations.server(table, server)).toList(),
                table.endpoints().stream().map(representations::endpoint).toList(),
                table.customs().stream().map(representations::custom).toList());
    }
}

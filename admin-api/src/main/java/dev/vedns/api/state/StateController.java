package dev.vedns.api.state;

import dev.vedns.access.TokenRole;
import dev.vedns.api.Changes;
import dev.vedns.api.Representations;
import dev.vedns.api.problem.BindingErrors;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.TakesWholeState;
import dev.vedns.api.security.Unscoped;
import dev.vedns.engine.Published;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.FieldError;
import dev.vedns.routing.RoutingException;
import dev.vedns.routing.RoutingTable;
import dev.vedns.zone.ZoneSettings;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/state}: export the whole state, or replace it atomically from such a document. */
@Controller("/api/v1/state")
@ProblemResponses
@AllowedFor(TokenRole.admin)
@Unscoped
public class StateController {

    private static final String PREFER = "Prefer";
    private static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final String RETURN_MINIMAL = "return=minimal";

    private final RoutingEngine engine;
    private final Changes changes;
    private final Representations representations;
    private final JsonMapper mapper;
    private final String zone;

    public StateController(RoutingEngine engine, Changes changes, Representations representations,
                           ZoneSettings settings, JsonMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
        this.changes = changes;
        this.representations = representations;
        this.zone = settings.origin().toString();
    }

    @Get
    public StateDocument export() {
        return document(engine.published());
    }

    /**
     * The body is parsed as it arrives, never gathered whole first (Micronaut's gathering of a 40 MB body copies
     * it over and over); so the parse runs off the event loop. {@code Prefer: return=minimal} answers the counts
     * instead of the whole document.
     */
    @Put
    @TakesWholeState
    @ExecuteOn(TaskExecutors.BLOCKING)
    @ApiResponse(responseCode = "200", description = "The state now published: the whole document, or its counts"
            + " with Prefer: return=minimal", content = @Content(schema = @Schema(oneOf = {StateDocument.class,
            StateSummary.class})))
    public HttpResponse<?> replace(@RequestBody(content = @Content(schema = @Schema(implementation = StateImport.class)))
                                   @Body InputStream body, HttpRequest<?> request) {
        changes.apply(read(body).toCommand(), request);
        if (!prefersMinimal(request)) {
            return HttpResponse.ok(export());
        }
        Published published = engine.published();
        RoutingTable table = published.table();
        return HttpResponse.ok(new StateSummary(zone, published.snapshot().serial(), table.serverCount(),
                table.endpointCount(), table.customCount())).header(PREFERENCE_APPLIED, RETURN_MINIMAL);
    }

    private static boolean prefersMinimal(HttpRequest<?> request) {
        return request.getHeaders().getAll(PREFER).stream().flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(preference -> preference.trim().equalsIgnoreCase(RETURN_MINIMAL));
    }

    private StateImport read(InputStream body) {
        StateImport document;
        try (body) {
            document = mapper.readValue(body, Argument.of(StateImport.class));
        } catch (IOException | RuntimeException unreadable) {
            for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
                if (cause instanceof ContentLengthExceededException tooLarge) {
                    // A body sent without a length, cut off at the limit: the same 413 as on every other route.
                    throw tooLarge;
                }
            }
            throw RoutingException.invalid(List.of(BindingErrors.unreadable(String.valueOf(unreadable.getMessage()))));
        }
        if (document == null) {
            throw RoutingException.invalid(List.of(new FieldError("body", "required", "A JSON request body is required.")));
        }
        return document;
    }

    private StateDocument document(Published published) {
        RoutingTable table = published.table();
        return new StateDocument(zone, published.snapshot().serial(),
                table.servers().stream().map(server -> representations.server(table, server)).toList(),
                table.endpoints().stream().map(representations::endpoint).toList(),
                table.customs().stream().map(representations::custom).toList());
    }
}

package dev.vedns.api.events;

import dev.vedns.access.TokenRole;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.Caller;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.Scope;
import dev.vedns.events.EventLog;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.FieldError;
import dev.vedns.routing.RoutingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/events?after=ID&limit=N}: the routing changes, oldest first, page by page. */
@Controller("/api/v1/events")
@ProblemResponses
@AllowedFor(TokenRole.viewer)
public class EventsController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final RoutingEngine engine;

    public EventsController(RoutingEngine engine) {
        this.engine = engine;
    }

    /**
     * The changes of the state, oldest first, a page at a time; a scoped token sees the events all of whose
     * servers its globs match (and none naming no server).
     */
    @Get
    public EventPage list(@Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit, HttpRequest<?> request) {
        long from = after == null ? 0 : after;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        List<FieldError> errors = new ArrayList<>();
        if (from < 0) {
            errors.add(new FieldError("after", "min", "after must be 0 or an event id, not " + from + "."));
        }
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(new FieldError("limit", "range", "limit must be between 1 and " + MAX_LIMIT + ", not " + size + "."));
        }
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        EventLog log = engine.events();
        Scope scope = Caller.of(request).scope();
        List<RoutingEvent> page = scope.unscoped() ? log.after(from, size) : log.after(from, Integer.MAX_VALUE).stream()
                .filter(event -> !event.servers().isEmpty() && event.servers().stream().allMatch(scope::matches))
                .limit(size).toList();
        return new EventPage(page.stream().map(EventResource::of).toList(), log.oldestId(), log.latestId());
    }
}

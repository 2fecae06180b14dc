package dev.vedns.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vedns.events.RoutingEvent;
import dev.vedns.events.TargetChange;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A routing event as the API shows it; {@code targets} lists every endpoint name that moved, {@code actor} names
 * the token that made the change ({@code vedns} for vedns itself, {@code anonymous} with authentication off).
 */
@Serdeable
public record EventResource(long id, String time, long serial, String kind,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> servers,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> virtualEndpoints,
                            Map<String, String> details,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<Target> targets, String actor) {

    /** One endpoint name's target before and after; a missing side means the name did not exist then. */
    @Serdeable
    public record Target(String fqdn, String before, String after) {
    }

    static EventResource of(RoutingEvent event) {
        return new EventResource(event.id(), event.time().toString(), event.serial(), event.kind(), event.servers(),
                event.virtualEndpoints(), event.details(),
                event.targets().stream().map(EventResource::target).toList(), event.actor());
    }

    private static Target target(TargetChange change) {
        return new Target(change.fqdn(), change.before(), change.after());
    }
}

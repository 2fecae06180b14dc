package dev.vedns.engine;

import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.Outcome;
import dev.vedns.routing.RoutingTable;

/**
 * What an applied command left behind: the table it published and the event that records it.
 *
 * @param event null when the command changed nothing (and so published nothing)
 */
public record Applied(RoutingTable table, Outcome.Effect effect, RoutingEvent event) {

    public boolean created() {
        return effect == Outcome.Effect.CREATED;
    }
}

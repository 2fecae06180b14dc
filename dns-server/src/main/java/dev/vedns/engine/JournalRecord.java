package dev.vedns.engine;

import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.Mutation;
import java.util.List;

/** One acknowledged change as the journal keeps it: the serial that published it, its event, its mutations. */
public record JournalRecord(long serial, RoutingEvent event, List<Mutation> mutations) {

    public JournalRecord {
        mutations = List.copyOf(mutations);
    }
}

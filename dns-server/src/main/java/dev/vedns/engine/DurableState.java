package dev.vedns.engine;

import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.RoutingTable;
import java.util.List;

/**
 * Everything that must survive a restart: the table, the serial DNS last published, and the event log
 * (its newest events and the last id handed out, so ids keep rising).
 */
public record DurableState(long serial, RoutingTable table, long lastEventId, List<RoutingEvent> events) {

    public DurableState {
        events = List.copyOf(events);
    }

    /** The state of a data directory that has never held anything. */
    public static DurableState fresh(long serial) {
        return new DurableState(serial, RoutingTable.empty(), 0, List.of());
    }

    /**
     * This state with one more journal record applied. Records whose event id is not above the last one were
     * already in it (a crash between checkpoint and compaction leaves them behind); event ids, unlike serials,
     * never wrap.
     */
    public DurableState replay(JournalRecord record, int retainEvents) {
        if (record.event().id() <= lastEventId) {
            return this;
        }
        List<RoutingEvent> next = new java.util.ArrayList<>(events);
        next.add(record.event());
        if (next.size() > retainEvents) {
            next = next.subList(next.size() - retainEvents, next.size());
        }
        return new DurableState(record.serial(), table.apply(record.mutations()), record.event().id(), next);
    }
}

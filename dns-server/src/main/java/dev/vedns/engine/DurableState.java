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

    /** This state after a journal's records, and how many of them it did not hold already. */
    public record Replayed(DurableState state, int applied) {
    }

    /**
     * This state with the journal's records applied in order. A record whose event id is not above the last one
     * applied is already in it: a crash between checkpoint and compaction leaves such records behind; event ids,
     * unlike serials, never wrap. In one pass: the events list is cut to the newest {@code retainEvents} once, not
     * copied for every record (quadratic in a journal of tens of thousands of records).
     */
    public Replayed replay(List<JournalRecord> records, int retainEvents) {
        List<RoutingEvent> next = new java.util.ArrayList<>(events);
        RoutingTable replayed = table;
        long serial = this.serial;
        long lastId = lastEventId;
        int applied = 0;
        for (JournalRecord record : records) {
            if (record.event().id() > lastId) {
                replayed = replayed.apply(record.mutations());
                next.add(record.event());
                serial = record.serial();
                lastId = record.event().id();
                applied++;
            }
        }
        return applied == 0 ? new Replayed(this, 0) : new Replayed(new DurableState(serial, replayed, lastId,
                next.subList(Math.max(0, next.size() - retainEvents), next.size())), applied);
    }
}

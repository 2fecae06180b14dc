package dev.vedns.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The most recent routing events, oldest first, bounded: the oldest is dropped when the bound is reached. */
public final class EventLog {

    private final int retain;
    private final ArrayDeque<RoutingEvent> events = new ArrayDeque<>();
    private long lastId;

    public EventLog(int retain) {
        if (retain < 1) {
            throw new IllegalArgumentException("the event log must keep at least one event");
        }
        this.retain = retain;
    }

    /** A log that goes on from a recovered state: its newest events, and ids continuing after {@code lastId}. */
    public EventLog(int retain, long lastId, List<RoutingEvent> recovered) {
        this(retain);
        replaceWith(lastId, recovered);
    }

    /** Starts again from a whole state loaded afresh: its newest events, ids continuing after {@code lastId}. */
    public synchronized void replaceWith(long lastId, List<RoutingEvent> recovered) {
        events.clear();
        int skip = Math.max(0, recovered.size() - retain);
        events.addAll(recovered.subList(skip, recovered.size()));
        this.lastId = lastId;
    }

    /** The events kept now, oldest first. */
    public synchronized List<RoutingEvent> snapshot() {
        return List.copyOf(events);
    }

    /** The id the next event must carry. */
    public synchronized long nextId() {
        return lastId + 1;
    }

    public synchronized void append(RoutingEvent event) {
        if (event.id() != lastId + 1) {
            throw new IllegalArgumentException("event ids rise by one: expected " + (lastId + 1) + ", got " + event.id());
        }
        if (events.size() == retain) {
            events.removeFirst();
        }
        events.addLast(event);
        lastId = event.id();
    }

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first. */
    public synchronized List<RoutingEvent> after(long afterId, int limit) {
        List<RoutingEvent> page = new ArrayList<>(Math.min(limit, events.size()));
        for (RoutingEvent event : events) {
            if (event.id() > afterId) {
                page.add(event);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** The id of the newest event, 0 when none happened yet. */
    public synchronized long latestId() {
        return lastId;
    }

    /** The id of the oldest event still kept, or 0 when empty; older ones were dropped by the bound. */
    public synchronized long oldestId() {
        return events.isEmpty() ? 0 : events.getFirst().id();
    }
}

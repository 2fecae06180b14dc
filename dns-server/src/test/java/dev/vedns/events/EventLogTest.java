package dev.vedns.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static RoutingEvent event(long id) {
        return new RoutingEvent(id, Instant.EPOCH, id, "ServerCreated", List.of("pg-" + id), List.of(), Map.of(), List.of(), RoutingEvent.VEDNS);
    }

    @Test
    void pagesOldestFirstAfterAnId() {
        EventLog log = new EventLog(100);
        LongStream.rangeClosed(1, 10).forEach(id -> log.append(event(id)));
        assertEquals(List.of(1L, 2L, 3L), ids(log.after(0, 3)));
        assertEquals(List.of(4L, 5L, 6L), ids(log.after(3, 3)));
        assertEquals(List.of(10L), ids(log.after(9, 3)));
        assertEquals(List.of(), ids(log.after(10, 3)));
        assertEquals(10, log.latestId());
        assertEquals(1, log.oldestId());
    }

    @Test
    void theBoundDropsTheOldest() {
        EventLog log = new EventLog(3);
        LongStream.rangeClosed(1, 7).forEach(id -> log.append(event(id)));
        assertEquals(List.of(5L, 6L, 7L), ids(log.after(0, 100)));
        assertEquals(5, log.oldestId());
        assertEquals(8, log.nextId());
    }

    @Test
    void idsRiseByOne() {
        EventLog log = new EventLog(3);
        log.append(event(1));
        assertThrows(IllegalArgumentException.class, () -> log.append(event(3)));
        assertThrows(IllegalArgumentException.class, () -> new EventLog(0));
    }

    private static List<Long> ids(List<RoutingEvent> events) {
        return events.stream().map(RoutingEvent::id).toList();
    }
}

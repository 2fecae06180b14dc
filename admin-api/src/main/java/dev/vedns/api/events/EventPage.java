package dev.vedns.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of the event log. To read on, pass the last event's id as {@code after}; when {@code after} is
 * below {@code oldestId - 1}, events in between were dropped by the log's bound.
 */
@Serdeable
public record EventPage(@JsonInclude(JsonInclude.Include.ALWAYS) List<EventResource> events, long oldestId,
                        long latestId) {
}

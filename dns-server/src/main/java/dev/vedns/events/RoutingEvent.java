package dev.vedns.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change of the routing state, as the event log keeps it.
 *
 * @param id               rises by one with every change; never reused
 * @param serial           the SOA serial that published the change
 * @param kind             e.g. ServerCreated, ReaderRetargeted, ReplicaPromoted
 * @param servers          the servers the change named or altered, sorted
 * @param virtualEndpoints the endpoint pairs the change named or retargeted, sorted
 * @param details          what else the request said, e.g. promoteMode and promoteOption
 * @param targets          every writer/reader name whose target changed, before and after
 */
public record RoutingEvent(long id, Instant time, long serial, String kind, List<String> servers,
                           List<String> virtualEndpoints, Map<String, String> details, List<TargetChange> targets) {
}

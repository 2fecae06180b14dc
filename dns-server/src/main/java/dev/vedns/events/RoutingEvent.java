package dev.vedns.events;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One change of the routing state, as the event log keeps it.
 *
 * @param id               rises by one with every change; never reused
 * @param serial           the SOA serial that published the change
 * @param kind             e.g. ServerCreated, ReaderRetargeted, ReplicaPromoted
 * @param servers          the servers the change named or altered, sorted
 * @param virtualEndpoints the endpoint pairs the change named or retargeted, sorted
 * @param details          what else the request said, e.g. promoteMode and promoteOption; kept sorted by key
 * @param targets          every writer/reader name whose target changed, before and after
 * @param actor            who made the change: the name of the API token, {@value #VEDNS} for vedns itself (a
 *                         bootstrap file, the first admin token), {@value #ANONYMOUS} with authentication off
 */
public record RoutingEvent(long id, Instant time, long serial, String kind, List<String> servers,
                           List<String> virtualEndpoints, Map<String, String> details, List<TargetChange> targets,
                           String actor) {

    public static final String VEDNS = "vedns";
    public static final String ANONYMOUS = "anonymous";

    public RoutingEvent {
        servers = List.copyOf(servers);
        virtualEndpoints = List.copyOf(virtualEndpoints);
        // Sorted, so the same event reads the same before and after a restart.
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
        targets = List.copyOf(targets);
    }
}

package dev.vedns.engine;

import dev.vedns.events.RoutingEvent;

/**
 * Who asks for a change: the name the event records, and the replication sets the change may touch.
 */
public record Actor(String name, Scope scope) {

    /** vedns itself: a bootstrap file, the first admin token. */
    public static final Actor VEDNS = new Actor(RoutingEvent.VEDNS, Scope.ALL);
}

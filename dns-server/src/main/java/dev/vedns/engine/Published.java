package dev.vedns.engine;

import dev.vedns.routing.RoutingTable;
import dev.vedns.zone.ZoneSnapshot;

/** A routing table and the zone snapshot compiled from it, published together as one reference. */
public record Published(RoutingTable table, ZoneSnapshot snapshot) {
}

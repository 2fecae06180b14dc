package dev.vedns.zone;

import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/**
 * The zone as DNS answers it at one serial: immutable, published whole through one reference, so a query
 * sees either all of a change or none of it.
 */
public final class ZoneSnapshot {

    private final Name origin;
    private final SOARecord soa;
    private final SOARecord negativeSoa;
    private final Map<Name, ZoneNode> nodes;

    ZoneSnapshot(Name origin, SOARecord soa, SOARecord negativeSoa, Map<Name, ZoneNode> nodes) {
        this.origin = origin;
        this.soa = soa;
        this.negativeSoa = negativeSoa;
        this.nodes = Map.copyOf(nodes);
    }

    public Name origin() {
        return origin;
    }

    public long serial() {
        return soa.getSerial();
    }

    public SOARecord soa() {
        return soa;
    }

    /** The SOA for the authority section of negative answers, its TTL capped at MINIMUM (RFC 2308 §3). */
    public SOARecord negativeSoa() {
        return negativeSoa;
    }

    /** The node at that name (compared case-insensitively), or null when the name does not exist. */
    public ZoneNode node(Name name) {
        return nodes.get(name);
    }

    /** Every owner name, empty non-terminals included. */
    public Iterable<Name> names() {
        return nodes.keySet();
    }
}

package dev.vedns.routing;

import java.util.List;

/**
 * The reader answering other servers than the members its user chose, because health probes found some or all
 * of them down or lagging.
 *
 * @param targets the servers the reader answers instead, in turn
 * @param reason  why, for a person: what the probes saw of the members left out
 */
public record ReaderReroute(List<String> targets, String reason) {

    public ReaderReroute {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a reroute answers at least one server");
        }
    }

    public ReaderReroute(String target, String reason) {
        this(List.of(target), reason);
    }
}

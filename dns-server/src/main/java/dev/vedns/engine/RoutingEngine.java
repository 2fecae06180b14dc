package dev.vedns.engine;

import dev.vedns.events.EventDescriber;
import dev.vedns.events.EventLog;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.Outcome;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.routing.RoutingTable;
import dev.vedns.zone.ZoneCompiler;
import dev.vedns.zone.ZoneSettings;
import dev.vedns.zone.ZoneSnapshot;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The single writer of the routing state. A command is validated and applied by the pure rules, compiled
 * into a new snapshot with the next serial, and published through one volatile reference: when
 * {@link #apply} returns, the very next DNS query answers from the new snapshot, and no query ever sees a
 * mix of two states. Readers never lock.
 */
public final class RoutingEngine implements Supplier<ZoneSnapshot> {

    private record Published(RoutingTable table, ZoneSnapshot snapshot) {
    }

    private final ZoneCompiler compiler;
    private final EventDescriber describer;
    private final EventLog events;
    private volatile Published current;

    public RoutingEngine(ZoneSettings settings, RoutingTable initial, long initialSerial, EventLog events) {
        this.compiler = new ZoneCompiler(settings);
        this.describer = new EventDescriber(settings.origin());
        this.events = events;
        this.current = new Published(initial, compiler.compile(initial, initialSerial));
    }

    /** Applies one command; a refused command throws {@link dev.vedns.routing.RoutingException} and changes nothing. */
    public synchronized Applied apply(RoutingCommand command) {
        Published before = current;
        Outcome outcome = RoutingRules.apply(before.table(), command);
        if (!outcome.changed()) {
            return new Applied(before.table(), outcome.effect(), null);
        }
        long serial = nextSerial(before.snapshot().serial());
        current = new Published(outcome.table(), compiler.compile(outcome.table(), serial));
        RoutingEvent event = describer.describe(events.nextId(), Instant.now(), serial, command, outcome, before.table());
        events.append(event);
        return new Applied(outcome.table(), outcome.effect(), event);
    }

    public EventLog events() {
        return events;
    }

    public RoutingTable table() {
        return current.table();
    }

    /** The snapshot DNS answers from now. */
    @Override
    public ZoneSnapshot get() {
        return current.snapshot();
    }

    /** SOA serials are unsigned 32-bit and compared by RFC 1982 arithmetic, so +1 wraps at 2^32. */
    static long nextSerial(long serial) {
        long next = (serial + 1) & 0xFFFF_FFFFL;
        return next == 0 ? 1 : next;
    }
}

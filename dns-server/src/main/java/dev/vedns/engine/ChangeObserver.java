package dev.vedns.engine;

import dev.vedns.events.RoutingEvent;

/**
 * Where the engine reports how its changes went, for metrics: called on the writer's thread after each
 * change, so an implementation must be quick and must not throw.
 */
public interface ChangeObserver {

    /** Observes nothing: the engine's default. */
    ChangeObserver NONE = new ChangeObserver() {
        @Override
        public void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos) {
        }

        @Override
        public void synced(long nanos) {
        }
    };

    /** A change was applied: its event, and how long the rules, the journal (write and fsync) and publishing took. */
    void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos);

    /** One fsync of the journal took this long. */
    void synced(long nanos);
}

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

    /** Both observers, {@code first} first. */
    static ChangeObserver both(ChangeObserver first, ChangeObserver second) {
        return new ChangeObserver() {
            @Override
            public void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos) {
                first.applied(event, decideNanos, journalNanos, publishNanos);
                second.applied(event, decideNanos, journalNanos, publishNanos);
            }

            @Override
            public void synced(long nanos) {
                first.synced(nanos);
                second.synced(nanos);
            }

            @Override
            public void followed(RoutingEvent event) {
                first.followed(event);
                second.followed(event);
            }
        };
    }

    /** A change was applied: its event, and how long the rules, the journal (write and fsync) and publishing took. */
    void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos);

    /** One fsync of the journal took this long. */
    void synced(long nanos);

    /**
     * A change another instance committed was published here: its event, or null when the whole state was loaded
     * afresh. Nothing by default (such a change was counted, and its secondaries told, where it was made).
     */
    default void followed(RoutingEvent event) {
    }
}

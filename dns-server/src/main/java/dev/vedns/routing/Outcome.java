package dev.vedns.routing;

/** What a command did: the table after it, and whether it created, changed or left the state alone. */
public record Outcome(RoutingTable table, Effect effect) {

    public enum Effect { CREATED, UPDATED, DELETED, UNCHANGED }

    public boolean changed() {
        return effect != Effect.UNCHANGED;
    }
}

package dev.vedns.engine;

/** The whole state of a shared store and the revision it is at. */
public record Loaded(DurableState state, long revision) {
}

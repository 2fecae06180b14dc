package dev.vedns.engine;

/** A change as a shared store committed it: its revision there and the record. */
public record Committed(long revision, JournalRecord record) {
}

package dev.vedns.engine;

/**
 * Where the engine makes its changes durable before publishing them. Implementations throw
 * {@link dev.vedns.storage.StorageException} when a change cannot be made durable; the engine then
 * publishes nothing, so an unacknowledged change is never visible.
 */
public interface ChangeLog {

    /** Writes the record durably (fsynced) or throws. */
    void append(JournalRecord record);

    /** Writes the whole state so the journal can be compacted; a failure is not fatal (the journal still holds all). */
    void checkpoint(DurableState state);
}

package dev.vedns.engine;

import java.util.List;

/**
 * Where the engine makes its changes durable before publishing them. Implementations throw
 * {@link dev.vedns.storage.StorageException} when a change cannot be made durable; the engine then
 * publishes nothing, so an unacknowledged change is never visible.
 *
 * <p>A store shared by several instances (etcd) numbers its commits with revisions: a change is decided on the
 * state at one revision and commits only while that revision is still the newest, else {@link StaleRevision}; the
 * engine then catches up with {@link #since} (or {@link #load}) and decides again. A store of one instance's own
 * (the data directory) is never stale.
 */
public interface ChangeLog {

    /**
     * Writes the record durably (fsynced, or committed by a quorum) or throws.
     *
     * @param revision the revision of the state the change was decided on
     * @return the revision the change makes
     */
    long append(JournalRecord record, long revision);

    /** Writes the whole state so the journal can be compacted; a failure is not fatal (the journal still holds all). */
    void checkpoint(DurableState state);

    /** Whether a checkpoint is worth writing yet, once the engine's count of changes has come round. */
    default boolean checkpointDue() {
        return true;
    }

    /**
     * The changes committed after {@code revision}, in order, or null when they are no longer all kept (then
     * {@link #load} gives the whole state). A store that is never stale has none.
     */
    default List<Committed> since(long revision) {
        return List.of();
    }

    /** The whole state as committed now, for an engine too far behind to catch up change by change. */
    default Loaded load() {
        throw new UnsupportedOperationException("this store is never stale");
    }
}

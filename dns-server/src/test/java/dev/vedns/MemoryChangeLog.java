package dev.vedns;

import dev.vedns.engine.ChangeLog;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import java.util.ArrayList;
import java.util.List;

/** Keeps the engine's records in memory, for tests of the routing and answer logic that need no disk. */
public final class MemoryChangeLog implements ChangeLog {

    public final List<JournalRecord> records = new ArrayList<>();
    public DurableState lastCheckpoint;

    @Override
    public long append(JournalRecord record, long revision) {
        records.add(record);
        return revision + 1;
    }

    @Override
    public void checkpoint(DurableState state) {
        lastCheckpoint = state;
    }
}

package dev.vedns.storage;

import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.engine.Loaded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: a lock, a write-ahead journal and a checkpoint. Opening it recovers the acknowledged
 * state; appending makes a change durable before the engine publishes it; a checkpoint writes the whole state
 * and compacts the journal.
 */
public final class FileStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    private static final String JOURNAL = "journal";
    /** Less than this free and the next change may not fit: a whole-state record alone can take megabytes. */
    private static final long MIN_FREE = 1024 * 1024;

    private final Path directory;
    private final DirectoryLock lock;
    private final CheckpointFile checkpoint;
    private final Journal journal;
    private final Path journalPath;
    private volatile ChangeObserver observer = ChangeObserver.NONE;
    private final DurableState recovered;
    private final int replayed;

    private FileStore(Path directory, DirectoryLock lock, CheckpointFile checkpoint, Journal journal,
                      DurableState recovered, int replayed) {
        this.directory = directory;
        this.lock = lock;
        this.checkpoint = checkpoint;
        this.journal = journal;
        this.journalPath = directory.resolve(JOURNAL);
        this.recovered = recovered;
        this.replayed = replayed;
    }

    /**
     * Locks the directory (creating it on first start), loads the checkpoint and replays the journal.
     *
     * @param freshSerial  the serial of a directory that holds nothing yet
     * @param cutAtDamage  the operator's explicit choice to start from a journal damaged before its end
     */
    public static FileStore open(Path directory, long freshSerial, int retainEvents, boolean cutAtDamage) {
        DirectoryLock lock = null;
        try {
            Files.createDirectories(directory);
            lock = DirectoryLock.acquire(directory);
            CheckpointFile checkpoint = CheckpointFile.in(directory);
            byte[] stored = checkpoint.read();
            DurableState state = stored == null ? DurableState.fresh(freshSerial) : Codec.decodeState(stored);
            Path journalPath = directory.resolve(JOURNAL);
            Journal.Recovery recovery = Journal.recover(journalPath, cutAtDamage);
            for (JournalRecord record : recovery.records()) {
                state = state.replay(record, retainEvents);
            }
            Journal journal = Journal.open(journalPath, recovery.validLength());
            return new FileStore(directory, lock, checkpoint, journal, state, recovery.records().size());
        } catch (IOException | RuntimeException failure) {
            closeQuietly(lock);
            if (failure instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("Cannot open data directory " + directory.toAbsolutePath().normalize() + ": " + failure, failure);
        }
    }

    @Override
    public String name() {
        return "journal";
    }

    /** The state the directory held at open: every acknowledged change. */
    @Override
    public Loaded start() {
        return new Loaded(recovered, 0);
    }

    @Override
    public int replayed() {
        return replayed;
    }

    @Override
    public void observe(ChangeObserver changes) {
        this.observer = changes;
    }

    /**
     * Why a change could not be made durable now, or null when it could: looked at without writing anything,
     * so a health check may ask as often as it likes.
     */
    @Override
    public String unwritable() {
        if (!Files.isWritable(journalPath)) {
            return "the journal " + journalPath.toAbsolutePath().normalize() + " cannot be written";
        }
        try {
            long free = Files.getFileStore(directory).getUsableSpace();
            return free < MIN_FREE ? "the data directory " + directory.toAbsolutePath().normalize() + " has only " + free
                    + " bytes free" : null;
        } catch (IOException failure) {
            return "the data directory " + directory.toAbsolutePath().normalize() + " cannot be examined: " + failure;
        }
    }

    /** A data directory holds one instance's changes only: its revisions just count them. */
    @Override
    public synchronized long append(JournalRecord record, long revision) {
        try {
            observer.synced(journal.append(out -> Codec.writeRecord(out, record)));
            return revision + 1;
        } catch (IOException failure) {
            throw new StorageException("The change was not applied: the journal in " + directory.toAbsolutePath().normalize()
                    + " cannot be written (" + failure.getMessage() + "). DNS keeps answering from the last"
                    + " published state; retry once the disk is writable again.", failure);
        }
    }

    @Override
    public synchronized void checkpoint(DurableState state) {
        try {
            checkpoint.write(out -> Codec.writeState(out, state));
            journal.reset();
        } catch (IOException failure) {
            LOG.warn("Checkpoint of {} failed ({}); the journal keeps every change and the next checkpoint will"
                    + " try again", directory.toAbsolutePath().normalize(), failure.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            journal.close();
        } finally {
            lock.close();
        }
    }

    private static void closeQuietly(DirectoryLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // The failure being reported matters more than this one.
            }
        }
    }
}

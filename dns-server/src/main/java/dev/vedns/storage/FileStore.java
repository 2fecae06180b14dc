package dev.vedns.storage;

import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.engine.Loaded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: a lock, a write-ahead journal and a checkpoint. Opening it recovers the acknowledged
 * state; appending makes a change durable before the engine publishes it; a checkpoint writes the whole state
 * and compacts the journal.
 *
 * <p>A checkpoint does not hold up changes: the journal is set aside as {@code journal.folding} and a new one
 * started, both in a few fsyncs, and the whole state is written beside the changes that follow, after which
 * the set-aside journal is deleted. At 100,000 pairs writing the state takes 0.2-0.3 s, which the change that
 * reached the checkpoint used to wait for. A start replays the set-aside journal and then the journal on top of
 * the checkpoint, skipping the records it already holds (by event id), so a crash at any step loses nothing.
 */
public final class FileStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    private static final String JOURNAL = "journal";
    /** The journal a checkpoint in progress folds in: its records are deleted once the checkpoint holds them. */
    private static final String FOLDING = "journal.folding";
    /** The new journal, made under this name before it takes the journal's place. */
    private static final String NEXT = "journal.next";
    /** Less than this free and the next change may not fit: a whole-state record alone can take megabytes. */
    private static final long MIN_FREE = 1024 * 1024;
    /** A thread of its own for each checkpoint: one at most every {@code checkpoint-every} changes. */
    private static final Executor FOLDER = work -> {
        Thread thread = new Thread(work, "vedns-checkpoint");
        thread.setDaemon(true);
        thread.start();
    };

    private final Path directory;
    private final DirectoryLock lock;
    private final CheckpointFile checkpoint;
    private Journal journal;
    private final Path journalPath;
    private final Path foldingPath;
    private final Path nextPath;
    /** How large the last checkpoint written is: the journal may grow as large before the next is due. */
    private volatile long checkpointBytes;
    /** The checkpoint being written, if any; guarded by this store's lock. */
    private CompletableFuture<Void> fold = CompletableFuture.completedFuture(null);
    private volatile ChangeObserver observer = ChangeObserver.NONE;
    private final DurableState recovered;
    private final int replayed;

    private FileStore(Path directory, DirectoryLock lock, CheckpointFile checkpoint, Journal journal,
                      DurableState recovered, int replayed, long checkpointBytes) {
        this.directory = directory;
        this.lock = lock;
        this.checkpoint = checkpoint;
        this.journal = journal;
        this.journalPath = directory.resolve(JOURNAL);
        this.foldingPath = directory.resolve(FOLDING);
        this.nextPath = directory.resolve(NEXT);
        this.recovered = recovered;
        this.replayed = replayed;
        this.checkpointBytes = checkpointBytes;
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
            // An empty journal a crash left before it took the journal's place.
            Files.deleteIfExists(directory.resolve(NEXT));
            Journal.Recovery folding = Journal.recover(directory.resolve(FOLDING), cutAtDamage);
            Journal.Recovery recovery = Journal.recover(directory.resolve(JOURNAL), cutAtDamage);
            List<JournalRecord> records = new ArrayList<>(folding.records());
            records.addAll(recovery.records());
            DurableState.Replayed replayed = state.replay(records, retainEvents);
            Journal journal = Journal.open(directory.resolve(JOURNAL), recovery.validLength());
            return new FileStore(directory, lock, checkpoint, journal, replayed.state(), replayed.applied(),
                    stored == null ? 0 : stored.length);
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

    /**
     * Once the journal has grown as large as the checkpoint: writing the whole state then costs no more than the
     * changes since did, however large the zone (at 100,000 pairs a checkpoint of 10 MB every thousand changes
     * wrote twenty times what the changes did), and a start after a crash replays no more than it decodes.
     */
    @Override
    public synchronized boolean checkpointDue() {
        return journal.size() >= checkpointBytes;
    }

    /**
     * Sets the journal aside and writes the state on a thread of its own. A checkpoint asked for while the last
     * one is still being written waits for it (only a thousand changes within a fraction of a second could), and so
     * does closing. A journal that could not be folded (a failed write) stays set aside, and the next checkpoint
     * folds it then.
     */
    @Override
    public synchronized void checkpoint(DurableState state) {
        fold.join();
        try {
            if (!Files.exists(foldingPath)) {
                setAside();
            }
        } catch (IOException failure) {
            LOG.warn("Checkpoint of {} not started ({}); the journal keeps every change and the next checkpoint will"
                    + " try again", directory.toAbsolutePath().normalize(), failure.toString());
            return;
        }
        fold = CompletableFuture.runAsync(() -> write(state), FOLDER);
    }

    /**
     * Renames the journal to {@code journal.folding} and puts a new, empty one in its place, made beforehand under
     * another name: whichever step fails, or wherever a crash stops it, the changes are in {@code journal} or in
     * {@code journal.folding}, and a start reads both.
     */
    private void setAside() throws IOException {
        Journal next = Journal.open(nextPath, 0);
        try {
            Files.move(journalPath, foldingPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            discard(next, failure);
            throw failure;
        }
        try {
            Files.move(nextPath, journalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            Files.move(foldingPath, journalPath, StandardCopyOption.ATOMIC_MOVE);
            discard(next, failure);
            throw failure;
        }
        journal.close();
        journal = next;
        CheckpointFile.syncDirectory(directory);
    }

    private void discard(Journal next, IOException failure) {
        try {
            next.close();
            Files.deleteIfExists(nextPath);
        } catch (IOException alsoFailing) {
            failure.addSuppressed(alsoFailing);
        }
    }

    @Override
    public void awaitCheckpoint() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = fold;
        }
        last.join();
    }

    private void write(DurableState state) {
        try {
            checkpointBytes = checkpoint.write(out -> Codec.writeState(out, state));
            Files.delete(foldingPath);
            CheckpointFile.syncDirectory(directory);
        } catch (IOException | RuntimeException failure) {
            LOG.warn("Checkpoint of {} failed ({}); the journal keeps every change and the next checkpoint will"
                    + " try again", directory.toAbsolutePath().normalize(), failure.toString());
        }
    }

    /** Finishes the checkpoint being written, then releases the journal and the directory. */
    @Override
    public synchronized void close() throws IOException {
        try {
            fold.join();
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

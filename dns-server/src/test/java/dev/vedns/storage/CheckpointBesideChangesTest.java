package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is written beside the changes that follow it: the journal is set aside as {@code journal.folding}
 * and a new one started. Wherever a crash stops that, and whatever a failed write leaves, a start recovers every
 * acknowledged change exactly once. The directories here are the ones a crash at each step leaves, made file by file.
 */
class CheckpointBesideChangesTest {

    private static final int FOLDED = 4;
    private static final int AFTER = 2;

    @TempDir
    Path directory;

    /** A journal of {@code FOLDED + AFTER} changes, split where the checkpoint set it aside, and their state. */
    private RestartRecoveryTest.State journalSplitAtTheCheckpoint(Path data) throws Exception {
        byte[] whole;
        long folded;
        RestartRecoveryTest.State expected;
        Path source = directory.resolve("source");
        try (StoredFleet fleet = new StoredFleet(source).changes(FOLDED)) {
            folded = Files.size(source.resolve("journal"));
            for (int i = FOLDED; i < FOLDED + AFTER; i++) {
                fleet.engine.apply(StoredFleet.change(i));
            }
            expected = RestartRecoveryTest.State.of(fleet);
            whole = Files.readAllBytes(source.resolve("journal"));
        }
        Files.createDirectories(data);
        Files.write(data.resolve("journal.folding"), Arrays.copyOf(whole, (int) folded));
        byte[] rest = Arrays.copyOfRange(whole, (int) folded - Journal.MAGIC.length, whole.length);
        System.arraycopy(Journal.MAGIC, 0, rest, 0, Journal.MAGIC.length);
        Files.write(data.resolve("journal"), rest);
        return expected;
    }

    @Test
    void aCrashBeforeTheCheckpointIsWrittenReplaysTheSetAsideJournalAndThenTheNewOne() throws Exception {
        Path data = directory.resolve("data");
        RestartRecoveryTest.State expected = journalSplitAtTheCheckpoint(data);
        try (StoredFleet fleet = new StoredFleet(data)) {
            assertEquals(FOLDED + AFTER, fleet.vedns.replayed());
            assertEquals(expected, RestartRecoveryTest.State.of(fleet));
        }
    }

    @Test
    void aCrashAfterTheCheckpointIsWrittenSkipsTheRecordsItHolds() throws Exception {
        Path data = directory.resolve("data");
        RestartRecoveryTest.State expected = journalSplitAtTheCheckpoint(data);
        // The checkpoint of the first FOLDED changes, as the fold writes it before deleting journal.folding.
        Path folded = directory.resolve("folded");
        Files.createDirectories(folded);
        Files.copy(data.resolve("journal.folding"), folded.resolve("journal"));
        new StoredFleet(folded).stop();
        Files.copy(folded.resolve("checkpoint"), data.resolve("checkpoint"));

        try (StoredFleet fleet = new StoredFleet(data)) {
            assertEquals(AFTER, fleet.vedns.replayed());
            assertEquals(expected, RestartRecoveryTest.State.of(fleet));
        }
    }

    @Test
    void aCrashBeforeTheNewJournalTookItsPlaceReplaysTheSetAsideOneAndDropsTheNewOne() throws Exception {
        Path data = directory.resolve("data");
        RestartRecoveryTest.State expected;
        try (StoredFleet fleet = new StoredFleet(data).changes(FOLDED + AFTER)) {
            expected = RestartRecoveryTest.State.of(fleet);
        }
        Files.move(data.resolve("journal"), data.resolve("journal.folding"));
        Files.write(data.resolve("journal.next"), Journal.MAGIC);
        try (StoredFleet fleet = new StoredFleet(data)) {
            assertEquals(FOLDED + AFTER, fleet.vedns.replayed());
            assertEquals(expected, RestartRecoveryTest.State.of(fleet));
            assertFalse(Files.exists(data.resolve("journal.next")));
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenKeepsTheSetAsideJournalUntilTheNextOneFoldsIt() throws Exception {
        Path data = directory.resolve("data");
        FileStore store = FileStore.open(data, Fleet.FIRST_SERIAL, Fleet.RETAIN, false);
        // Every 3 changes a checkpoint. A directory where its temporary file must go makes the first one fail, as
        // a full disk would.
        RoutingEngine engine = new RoutingEngine(Fleet.settings(), store.start(), Fleet.RETAIN, store, 3,
                RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        Path blocker = Files.createDirectories(data.resolve("checkpoint.tmp").resolve("inside"));
        apply(engine, 0, 3);
        store.awaitCheckpoint();
        assertTrue(Files.exists(data.resolve("journal.folding")), "the set-aside journal is kept");
        assertFalse(Files.exists(data.resolve("checkpoint")));
        try (StoredFleet crashed = new StoredFleet(copyOf(data, "crashed"))) {
            assertEquals(3, crashed.vedns.replayed(), "a crash now loses nothing");
            assertEquals(engine.table(), crashed.engine.table());
        }

        Files.delete(blocker);
        Files.delete(blocker.getParent());
        apply(engine, 3, 6);
        store.awaitCheckpoint();
        assertFalse(Files.exists(data.resolve("journal.folding")), "the next checkpoint folded it");
        try (StoredFleet restarted = new StoredFleet(copyOf(data, "restarted"))) {
            assertEquals(0, restarted.vedns.replayed());
            assertEquals(engine.table(), restarted.engine.table());
            assertEquals(engine.get().serial(), restarted.engine.get().serial());
        }
        store.close();
    }

    private static void apply(RoutingEngine engine, int from, int to) {
        for (int i = from; i < to; i++) {
            engine.apply(StoredFleet.change(i));
        }
    }

    /** The data files as they are now, in a directory of their own (the running store keeps its lock). */
    private Path copyOf(Path data, String name) throws Exception {
        Path copy = Files.createDirectories(directory.resolve(name));
        for (String file : new String[] {"journal.folding", "checkpoint", "journal"}) {
            if (Files.exists(data.resolve(file))) {
                Files.copy(data.resolve(file), copy.resolve(file));
            }
        }
        return copy;
    }
}

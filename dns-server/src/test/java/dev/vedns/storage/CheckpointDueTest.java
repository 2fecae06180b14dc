package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is written once the journal has grown as large as the last one, so that writing the whole state
 * costs no more than the changes since did, however large the zone; {@code checkpoint-every} only says how often
 * the engine asks.
 */
class CheckpointDueTest {

    private static final int SERVERS = 100;

    @TempDir
    Path directory;

    @Test
    void aCheckpointWaitsUntilTheJournalIsAsLargeAsTheLastOne() throws Exception {
        FileStore store = FileStore.open(directory, Fleet.FIRST_SERIAL, Fleet.RETAIN, false);
        // The engine asks after every change; the store answers.
        RoutingEngine engine = new RoutingEngine(Fleet.settings(), store.start(), Fleet.RETAIN, store, 1,
                RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        for (int i = 0; i < SERVERS; i++) {
            engine.apply(new RoutingCommand.PutServer("pg-" + i, "Primary", null, List.of("10.0.0." + i)));
            store.awaitCheckpoint();
        }
        engine.checkpoint();
        store.awaitCheckpoint();
        long checkpoint = Files.size(directory.resolve("checkpoint"));
        assertEquals(0, journalBytes());
        int waited = 0;
        boolean written = false;
        while (!written && waited < 200) {
            long journal = journalBytes();
            assertEquals(journal >= checkpoint, store.checkpointDue(), "journal " + journal + " B, checkpoint "
                    + checkpoint + " B");
            engine.apply(new RoutingCommand.PutServer("pg-0", "Primary", null, List.of("10.1.0." + (waited % 250))));
            // A checkpoint sets the journal aside, this change's record with it, and starts an empty one.
            written = journalBytes() == 0;
            assertTrue(written || journalBytes() < checkpoint, "a journal as large as the checkpoint is folded");
            store.awaitCheckpoint();
            waited++;
        }
        assertTrue(written, "the journal grew as large as the checkpoint within 200 changes");
        assertTrue(waited > 5, "the engine asked after every change, and the store waited " + waited);
        assertFalse(Files.exists(directory.resolve("journal.folding")));
        store.close();
    }

    private long journalBytes() throws Exception {
        return Files.size(directory.resolve("journal")) - Journal.MAGIC.length;
    }
}

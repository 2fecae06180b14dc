package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash mid-write leaves a torn last record: every start cuts it off and keeps everything before it.
 * Damage before the last record is not a crash: the start is refused unless the operator chooses to cut.
 */
class TornTailTest {

    private static final int CHANGES = 6;

    @TempDir
    Path directory;

    @Test
    void everyTruncationInsideTheLastRecordRecoversAllEarlierRecords() throws Exception {
        Path source = directory.resolve("source");
        RestartRecoveryTest.State expected;
        byte[] withoutLast;
        byte[] full;
        try (StoredFleet fleet = new StoredFleet(source).changes(CHANGES - 1)) {
            expected = RestartRecoveryTest.State.of(fleet);
            withoutLast = Files.readAllBytes(source.resolve("journal"));
            fleet.engine.apply(StoredFleet.change(CHANGES - 1));
            full = Files.readAllBytes(source.resolve("journal"));
        }
        assertTrue(full.length > withoutLast.length + Frames.HEADER);

        for (int cut = withoutLast.length; cut < full.length; cut++) {
            Path copy = directory.resolve("cut-" + cut);
            Files.createDirectories(copy);
            Files.write(copy.resolve("journal"), Arrays.copyOf(full, cut));
            try (StoredFleet fleet = new StoredFleet(copy)) {
                assertEquals(expected, RestartRecoveryTest.State.of(fleet), "journal cut at byte " + cut);
                // The start cut the torn tail and folded the rest into a checkpoint, so appending goes on cleanly.
                fleet.engine.apply(StoredFleet.change(CHANGES - 1));
            }
            try (StoredFleet fleet = new StoredFleet(copy)) {
                assertEquals(1, fleet.vedns.replayed(), "journal cut at byte " + cut);
                assertEquals(CHANGES, fleet.engine.events().latestId(), "journal cut at byte " + cut);
            }
        }
    }

    @Test
    void aCorruptLastRecordIsCutOffToo() throws Exception {
        try (StoredFleet fleet = new StoredFleet(directory).changes(CHANGES)) {
            assertEquals(CHANGES, fleet.engine.events().latestId());
        }
        Path journal = directory.resolve("journal");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(journal, bytes);
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(CHANGES - 1, fleet.vedns.replayed());
        }
    }

    @Test
    void damageBeforeTheLastRecordRefusesTheStart() throws Exception {
        try (StoredFleet fleet = new StoredFleet(directory).changes(CHANGES)) {
            assertEquals(CHANGES, fleet.engine.events().latestId());
        }
        Path journal = directory.resolve("journal");
        byte[] bytes = Files.readAllBytes(journal);
        int damageAt = Journal.MAGIC.length + Frames.HEADER + 5;
        bytes[damageAt] ^= 0x01;
        Files.write(journal, bytes);

        StartupException refusal = assertThrows(StartupException.class, () -> new StoredFleet(directory));
        assertTrue(refusal.getMessage().contains("damaged at offset " + Journal.MAGIC.length), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("vedns.journal.recover-damaged=true"), refusal.getMessage());
        assertEquals(bytes.length, Files.size(journal), "a refused start leaves the journal untouched");

        try (StoredFleet fleet = new StoredFleet(directory, 1000, true)) {
            assertEquals(0, fleet.vedns.replayed());
            assertTrue(Files.exists(directory.resolve("journal.damaged-" + Journal.MAGIC.length)));
        }
    }

    @Test
    void aFileThatIsNotAJournalRefusesTheStart() throws Exception {
        Files.writeString(directory.resolve("journal"), "hello, this is not a journal");
        StartupException refusal = assertThrows(StartupException.class, () -> new StoredFleet(directory));
        assertTrue(refusal.getMessage().contains("is not a vedns journal"), refusal.getMessage());
    }
}

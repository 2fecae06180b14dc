package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second vedns on the same data directory fails fast, naming the directory and the holder's pid. */
class DataDirectoryLockTest {

    @TempDir
    Path directory;

    @Test
    void aSecondOpenIsRefusedUntilTheFirstCloses() throws Exception {
        try (StoredFleet first = new StoredFleet(directory).changes(3)) {
            StartupException refusal = assertThrows(StartupException.class, () -> new StoredFleet(directory));
            assertTrue(refusal.getMessage().contains(directory.toAbsolutePath().toString()), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("pid " + ProcessHandle.current().pid()), refusal.getMessage());
            assertEquals(ProcessHandle.current().pid() + "", Files.readString(directory.resolve("vedns.lock")).trim());
        }
        try (StoredFleet second = new StoredFleet(directory)) {
            assertEquals(3, second.engine.events().latestId());
        }
    }
}

package dev.vedns.storage;

import dev.vedns.Fleet;
import dev.vedns.Vedns;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * vedns on a real data directory, built through the facade as the application builds it. Closing it stops
 * it as a crash would: the directory is left exactly as it was before the stop, with every acknowledged
 * change in the journal and nothing folded into a checkpoint on the way out; {@link #stop} is the clean stop.
 */
final class StoredFleet implements AutoCloseable {

    /**
     * Read in this order, the copy is one a crash could leave though a checkpoint is being written meanwhile: that
     * writes the checkpoint before it deletes the set-aside journal, and only the engine's own thread appends.
     */
    private static final List<String> DATA_FILES = List.of("journal.folding", "checkpoint", "journal");

    final Path directory;
    final Vedns vedns;
    final RoutingEngine engine;

    StoredFleet(Path directory, int checkpointEvery, boolean cutAtDamage) throws InterruptedException {
        this.directory = directory;
        this.vedns = Vedns.open(Fleet.settings(directory, Duration.ofSeconds(10), 10, checkpointEvery, cutAtDamage));
        this.engine = vedns.engine();
    }

    StoredFleet(Path directory) throws InterruptedException {
        this(directory, 1000, false);
    }

    /** Applies {@code count} changes: servers, a pair, then reader retargets back and forth. */
    StoredFleet changes(int count) {
        for (int i = 0; i < count; i++) {
            engine.apply(change(i));
        }
        return this;
    }

    static RoutingCommand change(int i) {
        return switch (i) {
            case 0 -> new RoutingCommand.PutServer("pg-main", "Primary", null, List.of("10.0.0.5"));
            case 1 -> new RoutingCommand.PutServer("pg-replica-1", "AsyncReplica", "pg-main", List.of("10.0.0.6", "fd00::6"));
            case 2 -> new RoutingCommand.PutEndpoint("pg-main", "mydb", "ReadWrite", null);
            default -> new RoutingCommand.PatchEndpoint("pg-main", "mydb",
                    List.of(i % 2 == 1 ? "pg-main" : "pg-replica-1"));
        };
    }

    /** The clean stop an operator's shutdown makes. */
    void stop() {
        vedns.close();
    }

    /** A crash: the data files as they are now survive; the stop's own checkpoint does not. */
    @Override
    public void close() throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        for (String name : DATA_FILES) {
            Path file = directory.resolve(name);
            if (Files.exists(file)) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        vedns.close();
        for (String name : DATA_FILES) {
            Path file = directory.resolve(name);
            if (files.containsKey(file)) {
                Files.write(file, files.get(file));
            } else {
                Files.deleteIfExists(file);
            }
        }
    }
}

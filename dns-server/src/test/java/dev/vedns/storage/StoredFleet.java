package dev.vedns.storage;

import dev.vedns.Fleet;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An engine on a real data directory, as the application runs it. */
final class StoredFleet implements AutoCloseable {

    static final int RETAIN = 1000;

    final FileStore store;
    final RoutingEngine engine;

    StoredFleet(Path directory, int checkpointEvery, boolean cutAtDamage) {
        store = FileStore.open(directory, Fleet.FIRST_SERIAL, RETAIN, cutAtDamage);
        engine = new RoutingEngine(Fleet.settings(), store.recovered(), RETAIN, store, checkpointEvery);
    }

    StoredFleet(Path directory) {
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
            default -> new RoutingCommand.RetargetReader("pg-main", "mydb",
                    List.of(i % 2 == 1 ? "pg-main" : "pg-replica-1"));
        };
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}

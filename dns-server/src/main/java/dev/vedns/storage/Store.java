package dev.vedns.storage;

import dev.vedns.engine.ChangeLog;
import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.Leadership;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import java.io.IOException;

/** Where the routing state lives: a data directory of this instance's own, or etcd shared by several. */
public interface Store extends ChangeLog, AutoCloseable {

    /** What readiness calls it: {@code journal} (a data directory) or {@code etcd}. */
    String name();

    /** The state to start from: every acknowledged change, and the revision it is at. */
    Loaded start();

    /** How many journal records the open replayed on top of the checkpoint (none for etcd). */
    int replayed();

    /** Why a change could not be made durable now, or null when it could. */
    String unwritable();

    /** Where each commit's duration (a journal fsync, an etcd transaction) is reported from now on. */
    void observe(ChangeObserver observer);

    /** Whether this instance leads its fleet: always, on a data directory of its own. */
    default Leadership leadership() {
        return Leadership.ALONE;
    }

    /** Waits until the last checkpoint asked for is written (or has failed, which is logged and not fatal). */
    default void awaitCheckpoint() {
    }

    /** Keeps the engine following what other instances commit, from its revision on; nothing for a data directory. */
    default void follow(RoutingEngine engine) {
    }

    @Override
    void close() throws IOException;
}

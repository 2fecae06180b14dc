package dev.vedns;

import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.Leadership;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.etcd.EtcdStore;
import dev.vedns.storage.FileStore;
import dev.vedns.storage.StartupException;
import dev.vedns.storage.Store;
import dev.vedns.transfer.IxfrHistory;
import dev.vedns.transfer.NotifySender;
import dev.vedns.transfer.Tally;
import dev.vedns.transfer.ZoneTransfers;
import dev.vedns.transport.DnsListener;
import dev.vedns.transport.Transfers;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one way to run the engine, for the application and for tests alike: the data directory, the single
 * writer over it, and the DNS listener answering from what the writer publishes.
 */
public final class Vedns implements AutoCloseable {

    private final Store store;
    private final RoutingEngine engine;
    private final DnsListener dns;
    private final ZoneTransfers transfers;
    private final NotifySender notifier;
    /** What vedns itself follows the changes with (the IXFR history, NOTIFY); metrics come after it. */
    private final ChangeObserver internal;

    private Vedns(Store store, RoutingEngine engine, DnsListener dns, ZoneTransfers transfers,
                  NotifySender notifier, ChangeObserver internal) {
        this.store = store;
        this.engine = engine;
        this.dns = dns;
        this.transfers = transfers;
        this.notifier = notifier;
        this.internal = internal;
    }

    private static ChangeObserver internal(IxfrHistory history, NotifySender notifier) {
        ChangeObserver observer = history == null ? ChangeObserver.NONE : history;
        return notifier == null ? observer : ChangeObserver.both(observer, notifier);
    }

    /** The NOTIFYs sent so far by target and result, or null when no secondary is to be told. */
    public NotifySender notifier() {
        return notifier;
    }

    /** The zone transfers' counts, or null when nobody may transfer and no key is configured. */
    public Tally transferCounters() {
        return transfers == null ? null : transfers.counters();
    }

    /**
     * Opens the data directory (or reads the state from etcd and follows it from then on), recovering every
     * acknowledged change; applies the bootstrap document to a store that never held anything; starts DNS; then
     * folds a replayed journal into a checkpoint (which also drops a torn tail the recovery cut off). A refused bootstrap document throws its
     * {@link dev.vedns.routing.RoutingException}, a directory that cannot be used a {@link StartupException};
     * either way nothing is left running or locked.
     */
    public static Vedns open(VednsSettings settings) throws InterruptedException {
        Store store = settings.etcd() == null ? FileStore.open(settings.dataDirectory(), settings.freshSerial(),
                settings.retainEvents(), settings.recoverDamaged())
                : EtcdStore.open(settings.etcd(), settings.freshSerial(), settings.retainEvents());
        Vedns vedns;
        try {
            RoutingEngine engine = new RoutingEngine(settings.zone(), store.start(), settings.retainEvents(), store,
                    settings.checkpointEvery(), settings.customEndpointsPerSet());
            store.follow(engine);
            if (settings.bootstrap() != null && engine.events().nextId() == 1) {
                engine.apply(settings.bootstrap().get());
            }
            IxfrHistory history = settings.transfers().enabled()
                    ? new IxfrHistory(engine, settings.transfers().ixfrHistory()) : null;
            ZoneTransfers transfers = history == null ? null : new ZoneTransfers(settings.transfers(), history);
            NotifySender notifier = settings.transfers().notifications().targets().isEmpty() ? null
                    : new NotifySender(settings.zone().origin(), settings.transfers().notifications(),
                    settings.transfers().notifyKey(), store.leadership());
            ChangeObserver internal = internal(history, notifier);
            engine.observe(internal);
            vedns = new Vedns(store, engine, DnsListener.start(settings.dns(), engine,
                    transfers == null ? Transfers.NONE : transfers), transfers, notifier, internal);
        } catch (InterruptedException | RuntimeException failure) {
            closeAfterFailure(store, failure);
            throw failure;
        }
        if (store.replayed() > 0) {
            // Once DNS answers: writing the whole state took 0.4 s of a restart at 100,000 pairs, and a crash
            // before it only means the journal is replayed again.
            try {
                vedns.engine.checkpoint();
                store.awaitCheckpoint();
            } catch (RuntimeException failure) {
                vedns.close();
                throw failure;
            }
        }
        return vedns;
    }

    public RoutingEngine engine() {
        return engine;
    }

    public DnsListener dns() {
        return dns;
    }

    /** Reports every change and every journal fsync to {@code observer} from now on (metrics). */
    public void observe(ChangeObserver observer) {
        engine.observe(ChangeObserver.both(internal, observer));
        store.observe(observer);
    }

    /** Whether this instance leads its fleet (runs the probes, sends NOTIFY); always, alone on a data directory. */
    public Leadership leadership() {
        return store.leadership();
    }

    /** Where the state lives, as readiness names it: {@code journal} or {@code etcd}. */
    public String storeName() {
        return store.name();
    }

    /** Why a change could not be made durable now (a full disk, an unwritable journal), or null when it could. */
    public String unwritable() {
        return store.unwritable();
    }

    /** How many journal records the start replayed on top of the checkpoint: the changes a crash left to redo. */
    public int replayed() {
        return store.replayed();
    }

    /** Stops DNS, checkpoints so the next start replays nothing, and unlocks the data directory. */
    @Override
    public void close() {
        try {
            if (notifier != null) {
                notifier.close();
            }
            dns.close();
            engine.checkpoint();
        } finally {
            try {
                store.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    private static void closeAfterFailure(Store store, Exception failure) {
        try {
            store.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }
}

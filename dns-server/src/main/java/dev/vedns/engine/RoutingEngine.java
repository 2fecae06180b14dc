package dev.vedns.engine;

import dev.vedns.events.EventDescriber;
import dev.vedns.events.EventLog;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.FieldError;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.Outcome;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import dev.vedns.routing.RoutingRules;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.SwitchoverReadiness;
import dev.vedns.storage.StorageException;
import dev.vedns.zone.ZoneCompiler;
import dev.vedns.zone.ZoneSettings;
import dev.vedns.zone.ZoneSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The single writer of the routing state. A command is validated by the pure rules, written durably to the
 * change log, compiled into a new snapshot with the next serial, and published through one volatile
 * reference: when {@link #apply} returns, the change is durable and the very next DNS query answers from it,
 * and no query ever sees a mix of two states. A change that cannot be made durable is not published.
 * Readers never lock.
 *
 * <p>On a store shared by several instances the engine also {@link #follow}s the changes the others commit, in
 * their order, and a change of its own that another instance overtook is decided again on the newer state.
 */
public final class RoutingEngine implements Supplier<ZoneSnapshot> {

    /** How many times a change is decided again after other instances overtook it, before it is given up (503). */
    private static final int MAX_ATTEMPTS = 8;
    /**
     * From this many mutations the new snapshot is compiled on a thread of its own while the change is journaled:
     * an import of 100,000 pairs journals for 0.4-0.6 s and compiles for 0.6-1.2 s. A smaller change compiles in
     * less time than a hop to another thread takes.
     */
    private static final int COMPILED_ALONGSIDE = 1_000;
    /** A thread of its own for each such compile: they are rare (imports), so no pool is kept for them. */
    private static final Executor OWN_THREAD = work -> {
        Thread thread = new Thread(work, "vedns-compile");
        thread.setDaemon(true);
        thread.start();
    };

    private final RoutingRules rules;
    private final ZoneCompiler compiler;
    private final EventDescriber describer;
    private final EventLog events;
    private final ChangeLog changeLog;
    private final int checkpointEvery;
    private int sinceCheckpoint;
    /** The store's revision the published state reflects; guarded by this engine's lock. */
    private long revision;
    private volatile Published current;
    private volatile ChangeObserver observer = ChangeObserver.NONE;
    private volatile SwitchoverReadiness readiness = SwitchoverReadiness.ALWAYS;

    /**
     * @param start           the state to start from (a fresh one, or what the store held) and its revision
     * @param checkpointEvery after this many changes the whole state is checkpointed and the journal compacted, once
     *                        the change log finds it due
     * @param customEndpointsPerSet the most custom endpoints one replication set may have
     */
    public RoutingEngine(ZoneSettings settings, Loaded start, int retainEvents, ChangeLog changeLog,
                         int checkpointEvery, int customEndpointsPerSet) {
        DurableState recovered = start.state();
        this.rules = new RoutingRules(settings.origin(), customEndpointsPerSet);
        this.compiler = new ZoneCompiler(settings);
        this.describer = new EventDescriber(settings.origin());
        this.events = new EventLog(retainEvents, recovered.lastEventId(), recovered.events());
        this.changeLog = changeLog;
        this.checkpointEvery = checkpointEvery;
        this.current = new Published(recovered.table(), compiler.compile(recovered.table(), recovered.serial()));
        this.revision = start.revision();
    }

    /** Applies a command of vedns's own, as {@link #apply(RoutingCommand, Actor)} with {@link Actor#VEDNS}. */
    public Applied apply(RoutingCommand command) {
        return apply(command, Actor.VEDNS);
    }

    /**
     * Applies one command. A refused command throws {@link dev.vedns.routing.RoutingException}, a change that
     * cannot be journaled throws {@link dev.vedns.storage.StorageException}; either way nothing changes. A
     * change that touches no name of the zone (a token) keeps the serial, so secondaries see nothing to transfer.
     *
     * @param actor who asks: the event records its name, and a change beyond its scope is refused (FORBIDDEN)
     */
    public synchronized Applied apply(RoutingCommand command, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return decideAndCommit(command, actor);
            } catch (StaleRevision overtaken) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new StorageException("The change was not applied: another instance committed first each of"
                            + " the " + attempt + " times it was decided. DNS keeps answering from the last published"
                            + " state; retry.", overtaken);
                }
                catchUp();
            }
        }
    }

    private Applied decideAndCommit(RoutingCommand command, Actor actor) {
        long started = System.nanoTime();
        Published before = current;
        Outcome outcome = rules.apply(before.table(), command, readiness);
        if (!outcome.changed()) {
            return new Applied(before.table(), outcome.effect(), null);
        }
        List<Mutation> mutations = permitted(before.table(), outcome, actor);
        boolean zone = mutations.stream().anyMatch(mutation -> mutation.touchesZone(before.table()));
        long serial = zone ? nextSerial(before.snapshot().serial()) : before.snapshot().serial();
        RoutingEvent event = describer.describe(events.nextId(), Instant.now(), serial, command, actor.name(), outcome,
                before.table(), mutations);
        long decided = System.nanoTime();
        Supplier<ZoneSnapshot> next = mutations.size() < COMPILED_ALONGSIDE
                ? () -> snapshot(before, outcome.table(), mutations, serial)
                : CompletableFuture.supplyAsync(() -> snapshot(before, outcome.table(), mutations, serial),
                        OWN_THREAD)::join;
        // A change that is not journaled is not published: its snapshot, made or being made, is dropped. Once it
        // is journaled, join waits through an interrupt, so what is published is what was journaled.
        revision = changeLog.append(new JournalRecord(serial, event, mutations), revision);
        long journaled = System.nanoTime();
        current = new Published(outcome.table(), next.get());
        long published = System.nanoTime();
        events.append(event);
        observer.applied(event, decided - started, journaled - decided, published - journaled);
        if (++sinceCheckpoint >= checkpointEvery && changeLog.checkpointDue()) {
            checkpoint();
        }
        return new Applied(outcome.table(), outcome.effect(), event);
    }

    /** The table after a change, and its snapshot: updated with the new serial, or kept when the zone did not change. */
    private void publish(Published before, RoutingTable table, List<Mutation> mutations, long serial) {
        current = new Published(table, snapshot(before, table, mutations, serial));
    }

    private ZoneSnapshot snapshot(Published before, RoutingTable table, List<Mutation> mutations, long serial) {
        return serial == before.snapshot().serial() ? before.snapshot()
                : compiler.update(before.snapshot(), table, mutations, serial);
    }

    /** Applies what other instances committed since this engine's revision, or the whole state when too far behind. */
    private void catchUp() {
        List<Committed> missed = changeLog.since(revision);
        if (missed == null || !missed.isEmpty() && missed.get(0).record().event().id() != events.nextId()) {
            reload(changeLog.load());
            return;
        }
        for (Committed change : missed) {
            follow(change);
        }
    }

    /**
     * Publishes a change another instance committed, unless this engine's state already holds it (its own changes
     * come back from the store too). Changes arrive in revision order.
     */
    public synchronized void follow(Committed change) {
        if (change.revision() <= revision) {
            return;
        }
        JournalRecord record = change.record();
        Published before = current;
        publish(before, before.table().apply(record.mutations()), record.mutations(), record.serial());
        revision = change.revision();
        events.append(record.event());
        observer.followed(record.event());
    }

    /** Publishes the whole state of the store, compiled afresh: for a follower that fell behind what the store keeps. */
    public synchronized void reload(Loaded whole) {
        if (whole.revision() <= revision) {
            return;
        }
        DurableState state = whole.state();
        current = new Published(state.table(), compiler.compile(state.table(), state.serial()));
        revision = whole.revision();
        events.replaceWith(state.lastEventId(), state.events());
        observer.followed(null);
    }

    /** The store's revision the published state reflects. */
    public synchronized long revision() {
        return revision;
    }

    /**
     * What {@code command} would do to the current state, judged by the same rules and described as the same
     * event (id 0: it is not recorded), with nothing journaled or published: a dry run.
     */
    public Applied preview(RoutingCommand command, Actor actor) {
        Published before = current;
        Outcome outcome = rules.apply(before.table(), command, readiness);
        if (!outcome.changed()) {
            return new Applied(before.table(), outcome.effect(), null);
        }
        List<Mutation> mutations = permitted(before.table(), outcome, actor);
        return new Applied(outcome.table(), outcome.effect(), describer.describe(0, Instant.now(),
                before.snapshot().serial(), command, actor.name(), outcome, before.table(), mutations));
    }

    /** What the outcome changes, once the actor's scope allows every bit of it. */
    private static List<Mutation> permitted(RoutingTable before, Outcome outcome, Actor actor) {
        List<Mutation> mutations = before.mutationsTo(outcome.table());
        if (!actor.scope().permits(before, outcome.table(), mutations)) {
            String detail = "'" + actor.name() + "' may touch only the replication sets of " + actor.scope()
                    + "; this change reaches beyond them.";
            throw RoutingException.forbidden(detail, List.of(new FieldError("Authorization", "scope", detail)));
        }
        return mutations;
    }

    /** What judges, from now on, whether a replica is ready for a Planned switchover (the health probes). */
    public void judgeSwitchoversBy(SwitchoverReadiness judge) {
        this.readiness = judge;
    }

    /** Where each applied change is reported from now on. */
    public void observe(ChangeObserver changes) {
        this.observer = changes;
    }

    /** Hands the whole current state to the change log, so it can compact its journal. */
    public synchronized void checkpoint() {
        Published now = current;
        changeLog.checkpoint(new DurableState(now.snapshot().serial(), now.table(), events.latestId(), events.snapshot()));
        sinceCheckpoint = 0;
    }

    public EventLog events() {
        return events;
    }

    public RoutingTable table() {
        return current.table();
    }

    /** The table and the snapshot published together, for reads that must agree with each other. */
    public Published published() {
        return current;
    }

    /** The snapshot DNS answers from now. */
    @Override
    public ZoneSnapshot get() {
        return current.snapshot();
    }

    /** SOA serials are unsigned 32-bit and compared by RFC 1982 arithmetic, so +1 wraps at 2^32. */
    static long nextSerial(long serial) {
        long next = (serial + 1) & 0xFFFF_FFFFL;
        return next == 0 ? 1 : next;
    }
}

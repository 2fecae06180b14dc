package dev.vedns.health;

import dev.vedns.routing.ProbeType;
import dev.vedns.engine.Leadership;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.ServerProbe;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every server of the current table each interval, on threads of its own (never the DNS event loops):
 * a bounded pool asks them all at once, one kept probe per server, and each server's health moves by its
 * hysteresis. A replica's lag is measured against its own set's primary in the same round. The health is
 * published as one immutable map, read without locks, and handed to a listener after each round.
 */
public final class Prober implements AutoCloseable {

    /**
     * A server's health as its last round left it.
     *
     * @param health         whether it answers its probes
     * @param readable       whether it may serve the reader: it answers, and replays within max-reader-lag
     * @param replayLagBytes for a replica, how far it lags its primary in bytes of WAL; -1 when not known
     * @param probeSeconds   how long its last probe took
     */
    public record Health(ServerHealth health, ServerHealth readable, long replayLagBytes, double probeSeconds) {

        /**
         * A server's health after one more probe, from its health before (null before its first): a probe that
         * answers is good for health, and good for reads too unless the replica lags beyond max-reader-lag (a lag
         * not known, as when the primary is down, does not count against it).
         */
        static Health after(Health before, Observation observation, long lag, double seconds,
                            ProbeSettings settings) {
            boolean reachable = observation.reachable();
            boolean readable = reachable && (lag < 0 || lag <= settings.maxReaderLag());
            return new Health(
                    (before == null ? ServerHealth.UNKNOWN : before.health()).after(observation, reachable,
                            settings.rise(), settings.fall()),
                    (before == null ? ServerHealth.UNKNOWN : before.readable()).after(observation, readable,
                            settings.rise(), settings.fall()),
                    lag, seconds);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);
    private static final int THREADS = 4;

    /** A probe and the server it was made for: a server with new addresses or another probe gets a new one. */
    private record Kept(Server server, Probe probe) {
    }

    /** An observation and how long it took to make. */
    record Timed(Observation observation, double seconds) {
    }

    private final Supplier<RoutingTable> table;
    private final ProbeSettings settings;
    private final Clock clock;
    private final Consumer<Map<String, Health>> afterRound;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            daemon("vedns-probe-schedule"));
    private final ExecutorService probing = Executors.newFixedThreadPool(THREADS, daemon("vedns-probe"));
    private final Map<String, Kept> probes = new HashMap<>();
    private volatile Map<String, Health> health = Map.of();

    /** @param afterRound told every round's health, on the prober's thread, once it is published */
    public Prober(Supplier<RoutingTable> table, ProbeSettings settings, Clock clock,
                  Consumer<Map<String, Health>> afterRound) {
        this.table = table;
        this.settings = settings;
        this.clock = clock;
        this.afterRound = afterRound;
    }

    public void start() {
        start(Leadership.ALONE);
    }

    /**
     * Probes every interval while this instance leads its fleet; an instance that does not lead probes nothing
     * and forgets what it saw, so the one that takes the lead starts from Unknown and judges by rise and fall.
     */
    public void start(Leadership leadership) {
        schedule.scheduleWithFixedDelay(() -> {
            if (leadership.leading()) {
                roundAndTell();
            } else {
                standDown();
            }
        }, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void standDown() {
        if (!health.isEmpty() || !probes.isEmpty()) {
            probes.values().forEach(kept -> kept.probe().close());
            probes.clear();
            health = Map.of();
        }
    }

    /** Every probed server's health as of the last round; a server not probed yet, or never, is absent. */
    public Map<String, Health> health() {
        return health;
    }

    public ProbeSettings settings() {
        return settings;
    }

    private void roundAndTell() {
        try {
            afterRound.accept(round());
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again: the next round must still come.
            LOG.warn("A round of probes failed; the next one comes as planned.", unexpected);
        }
    }

    /** One round: probe all, then judge all. Package-visible so a test can run rounds at its own pace. */
    synchronized Map<String, Health> round() {
        RoutingTable now = table.get();
        Map<String, Future<Timed>> asked = new HashMap<>();
        for (Server server : now.serversInAnyOrder()) {
            Probe probe = probeOf(server);
            if (probe != null) {
                asked.put(server.name(), probing.submit(() -> timed(probe)));
            }
        }
        probes.keySet().removeIf(name -> {
            if (!asked.containsKey(name)) {
                probes.get(name).probe().close();
                return true;
            }
            return false;
        });
        Map<String, Timed> seen = new HashMap<>();
        asked.forEach((name, future) -> seen.put(name, await(future)));
        health = judge(now, seen, health, settings);
        return health;
    }

    /**
     * Every probed server's health after one round of observations, from the health the previous round left; a
     * replica's lag is measured against what its own set's primary showed in the same round.
     */
    static Map<String, Health> judge(RoutingTable table, Map<String, Timed> seen, Map<String, Health> previous,
                                     ProbeSettings settings) {
        Map<String, Health> next = new HashMap<>();
        seen.forEach((name, timed) -> {
            Server server = table.server(name);
            Timed primary = server.isPrimary() ? null : seen.get(server.primaryName());
            long lag = primary == null ? -1 : Observation.lagBytes(primary.observation(), timed.observation());
            next.put(name, Health.after(previous.get(name), timed.observation(), lag, timed.seconds(), settings));
        });
        return Map.copyOf(next);
    }

    private Timed timed(Probe probe) {
        long started = System.nanoTime();
        Observation observation = probe.probe();
        return new Timed(observation, (System.nanoTime() - started) / 1e9);
    }

    /** The kept probe of a server, made again when the server changed; null for a server not to be probed. */
    private Probe probeOf(Server server) {
        Kept kept = probes.get(server.name());
        if (kept != null && kept.server().addresses().equals(server.addresses())
                && Objects.equals(kept.server().probe(), server.probe())) {
            return kept.probe();
        }
        if (kept != null) {
            kept.probe().close();
            probes.remove(server.name());
        }
        ServerProbe configured = server.probe();
        ProbeType type = configured == null ? ProbeType.postgres : configured.type();
        if (type == ProbeType.none) {
            return null;
        }
        int port = configured == null || configured.port() == null ? settings.port() : configured.port();
        String host = server.addresses().get(0).getHostAddress();
        Probe probe = type == ProbeType.tcp ? new TcpProbe(host, port, settings.timeout(), clock)
                : new PostgresProbe(host, port, settings.login(), settings.timeout(), clock);
        probes.put(server.name(), new Kept(server, probe));
        return probe;
    }

    /** A probe's answer, or unreachable when even its own timeouts did not end it in twice the timeout. */
    private Timed await(Future<Timed> future) {
        long waited = 2 * settings.timeout().toMillis() + 1000;
        try {
            return future.get(waited, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return new Timed(Observation.unreachable(clock.instant(), "no answer within " + settings.timeout()),
                    waited / 1e3);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Timed(Observation.unreachable(clock.instant(), "interrupted"), 0);
        } catch (ExecutionException failed) {
            return new Timed(Observation.unreachable(clock.instant(), String.valueOf(failed.getCause())), 0);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        probing.shutdownNow();
        synchronized (this) {
            probes.values().forEach(kept -> kept.probe().close());
            probes.clear();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

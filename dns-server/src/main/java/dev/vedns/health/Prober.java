package dev.vedns.health;

import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Probes every server of the current table each interval, on threads of its own (never the DNS event loops):
 * a bounded pool asks them all at once, one kept probe per server, and each server's health moves by its
 * hysteresis. A replica's lag is measured against its own set's primary in the same round. The health is
 * published as one immutable map, read without locks.
 */
public final class Prober implements AutoCloseable {

    /** A server's health and, for a replica, how far it lags its primary in bytes of WAL (-1 when not known). */
    public record Health(ServerHealth health, long replayLagBytes) {
    }

    private static final int THREADS = 4;

    private final Supplier<RoutingTable> table;
    private final ProbeSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            daemon("vedns-probe-schedule"));
    private final ExecutorService probing = Executors.newFixedThreadPool(THREADS, daemon("vedns-probe"));
    private final Map<String, PostgresProbe> probes = new HashMap<>();
    private volatile Map<String, Health> health = Map.of();

    public Prober(Supplier<RoutingTable> table, ProbeSettings settings, Clock clock) {
        this.table = table;
        this.settings = settings;
        this.clock = clock;
    }

    public void start() {
        schedule.scheduleWithFixedDelay(this::round, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every server's health as of the last round; a server not probed yet is absent. */
    public Map<String, Health> health() {
        return health;
    }

    /** One round: probe all, then judge all. Package-visible so a test can run rounds at its own pace. */
    synchronized void round() {
        RoutingTable now = table.get();
        Map<String, Future<Observation>> asked = new HashMap<>();
        for (Server server : now.serversInAnyOrder()) {
            PostgresProbe probe = probes.computeIfAbsent(server.name(), name -> newProbe(server));
            asked.put(server.name(), probing.submit(probe::probe));
        }
        probes.keySet().removeIf(name -> {
            if (now.server(name) == null) {
                probes.get(name).close();
                return true;
            }
            return false;
        });
        Map<String, Observation> seen = new HashMap<>();
        asked.forEach((name, future) -> seen.put(name, await(future)));
        Map<String, Health> previous = health;
        Map<String, Health> next = new HashMap<>();
        seen.forEach((name, observation) -> {
            Server server = now.server(name);
            long lag = server.isPrimary() ? -1 : lagOf(observation, seen.get(server.primaryName()));
            ServerHealth before = previous.containsKey(name) ? previous.get(name).health() : ServerHealth.UNKNOWN;
            next.put(name, new Health(before.after(observation, observation.reachable(), settings.rise(),
                    settings.fall()), lag));
        });
        health = Map.copyOf(next);
    }

    private static long lagOf(Observation replica, Observation primary) {
        return primary == null ? -1 : Observation.lagBytes(primary, replica);
    }

    /** A probe's answer, or unreachable when even its own timeouts did not end it in twice the timeout. */
    private Observation await(Future<Observation> future) {
        try {
            return future.get(2 * settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return Observation.unreachable(clock.instant(), "no answer within " + settings.timeout());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Observation.unreachable(clock.instant(), "interrupted");
        } catch (ExecutionException failed) {
            return Observation.unreachable(clock.instant(), String.valueOf(failed.getCause()));
        }
    }

    private PostgresProbe newProbe(Server server) {
        InetAddress address = server.addresses().get(0);
        return new PostgresProbe(address.getHostAddress(), settings.port(), settings.login(), settings.timeout(), clock);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        probing.shutdownNow();
        synchronized (this) {
            probes.values().forEach(PostgresProbe::close);
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

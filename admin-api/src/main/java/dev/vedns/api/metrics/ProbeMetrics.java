package dev.vedns.api.metrics;

import dev.vedns.api.health.ServerProbes;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.health.HealthState;
import dev.vedns.health.Prober;
import dev.vedns.routing.VirtualEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row per probed server, made again at each scrape from the probes' last round, so servers that come and
 * go need no bookkeeping: whether each is Healthy, how far a replica lags its primary, how long its probe took.
 * Pairs get a row only while the probes move or question them (a rerouted reader, a role mismatch), so that a
 * fleet of 100,000 pairs does not export 200,000 series of zeros: an absent row is a 0.
 */
@Singleton
public class ProbeMetrics {

    private final ServerProbes probes;
    private final RoutingEngine engine;
    private final MultiGauge up;
    private final MultiGauge lag;
    private final MultiGauge took;
    private final MultiGauge rerouted;
    private final MultiGauge mismatch;

    public ProbeMetrics(ServerProbes probes, RoutingEngine engine, MeterRegistry registry) {
        this.probes = probes;
        this.engine = engine;
        this.up = MultiGauge.builder("vedns.server.up").description("1 while the server is Healthy by its probes")
                .register(registry);
        this.lag = MultiGauge.builder("vedns.server.replay.lag").baseUnit("bytes")
                .description("How far a replica's replay lags its primary, by the last probes").register(registry);
        this.took = MultiGauge.builder("vedns.probe").baseUnit("seconds")
                .description("How long the server's last probe took").register(registry);
        this.rerouted = MultiGauge.builder("vedns.reader.rerouted")
                .description("1 while the pair's reader answers another server than its chosen target")
                .register(registry);
        this.mismatch = MultiGauge.builder("vedns.role.mismatch")
                .description("1 while the probes see roles that disagree with the pair's replication set")
                .register(registry);
    }

    /** Brings the rows up to the probes' last round and the published table; called before each scrape. */
    void refresh() {
        List<MultiGauge.Row<?>> ups = new ArrayList<>();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> times = new ArrayList<>();
        for (Map.Entry<String, Prober.Health> server : probes.all().entrySet()) {
            Tags tags = Tags.of("server", server.getKey());
            Prober.Health health = server.getValue();
            ups.add(MultiGauge.Row.of(tags, health.health().state() == HealthState.Healthy ? 1 : 0));
            times.add(MultiGauge.Row.of(tags, health.probeSeconds()));
            if (health.replayLagBytes() >= 0) {
                lags.add(MultiGauge.Row.of(tags, health.replayLagBytes()));
            }
        }
        List<MultiGauge.Row<?>> reroutes = new ArrayList<>();
        List<MultiGauge.Row<?>> mismatches = new ArrayList<>();
        if (probes.running()) {
            for (VirtualEndpoint endpoint : engine.table().endpointsInAnyOrder()) {
                Tags tags = Tags.of("endpoint", endpoint.name());
                if (endpoint.reroute() != null) {
                    reroutes.add(MultiGauge.Row.of(tags, 1));
                }
                if (endpoint.roleMismatch() != null) {
                    mismatches.add(MultiGauge.Row.of(tags, 1));
                }
            }
        }
        up.register(ups, true);
        lag.register(lags, true);
        took.register(times, true);
        rerouted.register(reroutes, true);
        mismatch.register(mismatches, true);
    }
}

package dev.vedns.api.metrics;

import dev.vedns.api.health.ServerProbes;
import dev.vedns.health.HealthState;
import dev.vedns.health.Prober;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row per probed server, made again at each scrape from the probes' last round, so servers that come and
 * go need no bookkeeping: whether each is Healthy, and how far a replica lags its primary.
 */
@Singleton
public class ProbeMetrics {

    private final ServerProbes probes;
    private final MultiGauge up;
    private final MultiGauge lag;

    public ProbeMetrics(ServerProbes probes, MeterRegistry registry) {
        this.probes = probes;
        this.up = MultiGauge.builder("vedns.server.up").description("1 while the server is Healthy by its probes")
                .register(registry);
        this.lag = MultiGauge.builder("vedns.server.replay.lag").baseUnit("bytes")
                .description("How far a replica's replay lags its primary, by the last probes").register(registry);
    }

    /** Brings the rows up to the probes' last round; called before each scrape. */
    void refresh() {
        List<MultiGauge.Row<?>> ups = new ArrayList<>();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        for (Map.Entry<String, Prober.Health> server : probes.all().entrySet()) {
            Tags tags = Tags.of("server", server.getKey());
            ups.add(MultiGauge.Row.of(tags, server.getValue().health().state() == HealthState.Healthy ? 1 : 0));
            if (server.getValue().replayLagBytes() >= 0) {
                lags.add(MultiGauge.Row.of(tags, server.getValue().replayLagBytes()));
            }
        }
        up.register(ups, true);
        lag.register(lags, true);
    }
}

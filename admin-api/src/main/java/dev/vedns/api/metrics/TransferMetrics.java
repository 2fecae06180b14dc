package dev.vedns.api.metrics;

import dev.vedns.Vedns;
import dev.vedns.transfer.NotifySender;
import dev.vedns.transfer.TransferCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code vedns_transfers_total{type,result}}: the zone transfers (and signed queries) answered, by type (axfr,
 * ixfr, soa, …) and result (full, current, refused, badsig); {@code vedns_notify_total{target,result}}: the
 * NOTIFYs sent (answered, failed). A row appears with its first count.
 */
@Singleton
public class TransferMetrics {

    private final TransferCounters counters;
    private final NotifySender notifier;
    private final MeterRegistry registry;
    private final Set<String> registered = new HashSet<>();

    public TransferMetrics(Vedns vedns, MeterRegistry registry) {
        this.counters = vedns.transferCounters();
        this.notifier = vedns.notifier();
        this.registry = registry;
    }

    /** Registers a counter for each type and result seen since the last scrape; called before each scrape. */
    synchronized void refresh() {
        if (notifier != null) {
            for (String key : notifier.counts().keySet()) {
                if (registered.add("notify " + key)) {
                    String[] parts = key.split("\\|");
                    FunctionCounter.builder("vedns.notify", notifier, all -> all.counts().getOrDefault(key, 0L))
                            .description("NOTIFY messages to secondaries, by target and result")
                            .tag("target", parts[0]).tag("result", parts[1]).register(registry);
                }
            }
        }
        if (counters == null) {
            return;
        }
        for (String key : counters.snapshot().keySet()) {
            if (registered.add(key)) {
                String[] parts = key.split("\\|");
                FunctionCounter.builder("vedns.transfers", counters, all -> all.snapshot().getOrDefault(key, 0L))
                        .description("Zone transfers and signed queries answered, by type and result")
                        .tag("type", parts[0]).tag("result", parts[1]).register(registry);
            }
        }
    }
}

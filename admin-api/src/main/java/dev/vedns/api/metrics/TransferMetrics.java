package dev.vedns.api.metrics;

import dev.vedns.Vedns;
import dev.vedns.transfer.Tally;
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

    private final Tally transfers;
    private final Tally notifies;
    private final MeterRegistry registry;
    private final Set<String> registered = new HashSet<>();

    public TransferMetrics(Vedns vedns, MeterRegistry registry) {
        this.transfers = vedns.transferCounters();
        this.notifies = vedns.notifier() == null ? null : vedns.notifier().counts();
        this.registry = registry;
    }

    /** Registers a counter for each row seen since the last scrape; called before each scrape. */
    synchronized void refresh() {
        register("vedns.transfers", "Zone transfers and signed queries answered, by type and result", "type",
                transfers);
        register("vedns.notify", "NOTIFY messages to secondaries, by target and result", "target", notifies);
    }

    private void register(String meter, String description, String firstTag, Tally tally) {
        if (tally == null) {
            return;
        }
        for (String key : tally.snapshot().keySet()) {
            if (registered.add(meter + " " + key)) {
                String[] parts = key.split("\\|");
                FunctionCounter.builder(meter, tally, all -> all.snapshot().getOrDefault(key, 0L))
                        .description(description).tag(firstTag, parts[0]).tag("result", parts[1]).register(registry);
            }
        }
    }
}

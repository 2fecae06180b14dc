package dev.vedns.api.metrics;

import dev.vedns.Vedns;
import dev.vedns.engine.ChangeObserver;
import dev.vedns.events.RoutingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** How the engine's changes go: how many of each kind, and how long deciding, journaling and publishing take. */
@Context
public class ChangeMetrics implements ChangeObserver {

    /** From a tenth of a millisecond (an in-memory publish) to a second (a 100,000-pair import). */
    private static final Duration[] BUCKETS = Stream.of(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0,
            1000.0).map(millis -> Duration.ofNanos((long) (millis * 1_000_000))).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Timer decide;
    private final Timer journal;
    private final Timer publish;
    private final Timer fsync;

    public ChangeMetrics(Vedns vedns, MeterRegistry registry) {
        this.registry = registry;
        this.decide = phase("decide");
        this.journal = phase("journal");
        this.publish = phase("publish");
        this.fsync = Timer.builder("vedns.journal.fsync").description("Time of one fsync of the journal")
                .serviceLevelObjectives(BUCKETS).register(registry);
        vedns.observe(this);
    }

    private Timer phase(String name) {
        return Timer.builder("vedns.change.apply").description("Time of each phase of applying a change")
                .tag("phase", name).serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos) {
        Counter.builder("vedns.changes").description("Changes applied, by kind").tag("kind", event.kind())
                .register(registry).increment();
        decide.record(decideNanos, TimeUnit.NANOSECONDS);
        journal.record(journalNanos, TimeUnit.NANOSECONDS);
        publish.record(publishNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void synced(long nanos) {
        fsync.record(nanos, TimeUnit.NANOSECONDS);
    }
}

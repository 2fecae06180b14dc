package dev.vedns.bench;

import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.transfer.IxfrHistory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's share of one change, without the journal's fsync and without HTTP: a reader retargeted back and
 * forth, decided, published and recorded for IXFR, as {@code PATCH .../virtual-endpoints/...} does. What it
 * allocates ({@code -prof gc}) sets how often the collector pauses while changes stream in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChangePathBenchmark {

    @Param("10000")
    public int pairs;

    private RoutingEngine engine;
    private RoutingCommand toReplica;
    private RoutingCommand toPrimary;
    private boolean onReplica;

    @Setup
    public void buildFleet() {
        engine = BenchFleet.engine(pairs);
        engine.observe(new IxfrHistory(engine, 1000));
        String set = "srv-p" + pairs / 2;
        String pair = "ve-" + pairs / 2;
        toReplica = new RoutingCommand.PatchEndpoint(set, pair, List.of("srv-r" + pairs / 2));
        toPrimary = new RoutingCommand.PatchEndpoint(set, pair, List.of(set));
    }

    @Benchmark
    public Object retargetReader() {
        onReplica = !onReplica;
        return engine.apply(onReplica ? toReplica : toPrimary);
    }
}

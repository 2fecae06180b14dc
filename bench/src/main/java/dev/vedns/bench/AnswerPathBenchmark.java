package dev.vedns.bench;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.engine.ChangeLog;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.zone.NameServer;
import dev.vedns.zone.ZoneSettings;
import dev.vedns.zone.ZoneSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
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
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The cost of one answer, without sockets: the fast path (lookup, copy, patch) against the general path
 * (dnsjava parse, lookup, encode) on the same zone. Run with {@code -prof gc} for bytes allocated per answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnswerPathBenchmark {

    @Param("10000")
    public int pairs;

    private ZoneSnapshot zone;
    private byte[] writer;
    private byte[] readerWithEdns;
    private byte[] missing;
    private byte[] pooledReader;

    @Setup
    public void buildZone() {
        ZoneSettings settings = new ZoneSettings(Name.fromConstantString("pg.example.test."),
                Name.fromConstantString("hostmaster.pg.example.test."),
                List.of(new NameServer(Name.fromConstantString("ns1.pg.example.test."),
                        List.of(InetAddress.getLoopbackAddress()))),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofHours(1), ZoneSettings.REFRESH, ZoneSettings.RETRY, ZoneSettings.EXPIRE);
        RoutingEngine engine = new RoutingEngine(settings, new Loaded(DurableState.fresh(1), 0), 10, new Discard(),
                Integer.MAX_VALUE, RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        List<RoutingCommand.ImportedServer> servers = new ArrayList<>();
        List<RoutingCommand.ImportedEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String primary = "srv-p" + i;
            String replica = "srv-r" + i;
            servers.add(new RoutingCommand.ImportedServer(primary, "Primary", null, List.of(address(2 * i))));
            servers.add(new RoutingCommand.ImportedServer(replica, "AsyncReplica", primary, List.of(address(2 * i + 1))));
            endpoints.add(new RoutingCommand.ImportedEndpoint(primary, "ve-" + i, "ReadWrite", null));
        }
        // One set with three replicas and a pooled reader over them.
        servers.add(new RoutingCommand.ImportedServer("srv-pool", "Primary", null, List.of("10.255.0.1")));
        for (int member = 1; member <= 3; member++) {
            servers.add(new RoutingCommand.ImportedServer("srv-pool-" + member, "AsyncReplica", "srv-pool",
                    List.of("10.255.0." + (member + 1))));
        }
        endpoints.add(new RoutingCommand.ImportedEndpoint("srv-pool", "ve-pool", "ReadWrite",
                List.of("srv-pool-1", "srv-pool-2", "srv-pool-3")));
        engine.apply(new RoutingCommand.ReplaceState("pg.example.test.", servers, endpoints));
        zone = engine.get();
        writer = query("ve-" + (pairs / 2) + ".writer.pg.example.test.", Type.A, false);
        readerWithEdns = query("VE-" + (pairs / 3) + ".Reader.pg.example.test.", Type.A, true);
        missing = query("nope-42.pg.example.test.", Type.A, false);
        pooledReader = query("ve-pool.reader.pg.example.test.", Type.A, false);
    }

    @Benchmark
    public byte[] fastWriterA() {
        return Responder.answer(writer, zone, Transport.UDP);
    }

    @Benchmark
    public byte[] fastReaderAWithEdnsAndMixedCase() {
        return Responder.answer(readerWithEdns, zone, Transport.UDP);
    }

    /** Each answer names the next of three members: the turn must cost no allocation and no lock. */
    @Benchmark
    public byte[] fastPooledReaderA() {
        return Responder.answer(pooledReader, zone, Transport.UDP);
    }

    @Benchmark
    public byte[] fastNxdomain() {
        return Responder.answer(missing, zone, Transport.UDP);
    }

    @Benchmark
    public byte[] generalWriterA() {
        return Responder.general(writer, zone, Transport.UDP);
    }

    private static String address(int n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static byte[] query(String name, int type, boolean edns) {
        Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
        if (edns) {
            query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return query.toWire();
    }

    /** Durability is not what this measures. */
    private static final class Discard implements ChangeLog {
        @Override
        public long append(JournalRecord record, long revision) {
            return revision + 1;
        }

        @Override
        public void checkpoint(DurableState state) {
        }
    }
}

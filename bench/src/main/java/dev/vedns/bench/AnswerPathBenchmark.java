package dev.vedns.bench;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.answer.Wire;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.zone.ZoneSnapshot;
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
 * (dnsjava parse, lookup, encode) on the same zone; the fast path writes into a reused array, as the listeners
 * do. Run with {@code -prof gc} for bytes allocated per answer.
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
    /** Reused by every answer, as a listener's thread reuses its own. */
    private final byte[] out = new byte[Wire.MAX_MESSAGE];
    private byte[] writer;
    private byte[] readerWithEdns;
    private byte[] missing;
    private byte[] pooledReader;

    @Setup
    public void buildZone() {
        RoutingEngine engine = BenchFleet.engine(pairs);
        zone = engine.get();
        writer = query("ve-" + (pairs / 2) + ".writer.pg.example.test.", Type.A, false);
        readerWithEdns = query("VE-" + (pairs / 3) + ".Reader.pg.example.test.", Type.A, true);
        missing = query("nope-42.pg.example.test.", Type.A, false);
        pooledReader = query("ve-pool.reader.pg.example.test.", Type.A, false);
    }

    @Benchmark
    public int fastWriterA() {
        return Responder.answer(writer, writer.length, zone, Transport.UDP, out);
    }

    @Benchmark
    public int fastReaderAWithEdnsAndMixedCase() {
        return Responder.answer(readerWithEdns, readerWithEdns.length, zone, Transport.UDP, out);
    }

    /** Each answer names the next of three members: the turn must cost no allocation and no lock. */
    @Benchmark
    public int fastPooledReaderA() {
        return Responder.answer(pooledReader, pooledReader.length, zone, Transport.UDP, out);
    }

    @Benchmark
    public int fastNxdomain() {
        return Responder.answer(missing, missing.length, zone, Transport.UDP, out);
    }

    @Benchmark
    public byte[] generalWriterA() {
        return Responder.general(writer, zone, Transport.UDP);
    }

    private static byte[] query(String name, int type, boolean edns) {
        Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
        if (edns) {
            query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return query.toWire();
    }
}

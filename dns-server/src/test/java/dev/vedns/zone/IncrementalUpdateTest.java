package dev.vedns.zone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * A change rebuilds only the names it touches; the snapshot it gives must answer exactly as a snapshot
 * compiled from scratch, for every name and type, after every change of a long random sequence, and cached
 * answers must never outlive the change that made them wrong.
 */
class IncrementalUpdateTest {

    private static final int[] TYPES = {Type.A, Type.AAAA, Type.CNAME, Type.ANY, Type.SOA, Type.NS, Type.TXT};

    @Test
    void everyUpdatedSnapshotAnswersAsAFullCompile() {
        Fleet fleet = new Fleet();
        RoutingEngine engine = fleet.engine();
        ZoneCompiler compiler = new ZoneCompiler(Fleet.settings());
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        int applied = 0;
        for (int step = 0; step < 300; step++) {
            try {
                if (engine.apply(randomChange(random)).event() == null) {
                    continue;
                }
            } catch (RoutingException refused) {
                continue;
            }
            applied++;
            ZoneSnapshot updated = engine.get();
            ZoneSnapshot full = compiler.compile(engine.table(), updated.serial());
            assertEquals(new HashSet<>(full.names()), new HashSet<>(updated.names()), "names after step " + step);
            names.clear();
            full.names().forEach(name -> names.add(name.toString()));
            names.add("gone.postgres.internal.");
            for (String name : names) {
                for (int type : TYPES) {
                    byte[] query = Queries.query(name, type).toWire();
                    // Ask the updated snapshot twice: the first may fill its caches, the second reads them.
                    Queries.answer(query, updated, Transport.UDP);
                    assertArrayEquals(Responder.general(query, full, Transport.UDP),
                            Queries.answer(query, updated, Transport.UDP), name + " " + Type.string(type) + " step " + step);
                }
            }
        }
        assertEquals(true, applied > 100, "only " + applied + " of the random changes applied");
    }

    @Test
    void anImportOfMostOfTheZoneIsCompiledWholeAndAnswersTheSame() {
        Fleet fleet = Fleet.standard();
        RoutingEngine engine = fleet.engine();
        engine.apply(Fleet.imported(3));
        assertEquals(true, engine.get().changed() != null, "a small import is an update, kept for IXFR");
        engine.apply(Fleet.imported(1500));
        ZoneSnapshot imported = engine.get();
        assertEquals(true, imported.changed() == null, "an import of 1,500 pairs is compiled whole");
        ZoneSnapshot full = new ZoneCompiler(Fleet.settings()).compile(engine.table(), imported.serial());
        assertEquals(new HashSet<>(full.names()), new HashSet<>(imported.names()));
        for (String name : List.of("db-7.writer.postgres.internal.", "db-1499.reader.postgres.internal.", "pg-3.postgres.internal.")) {
            byte[] query = Queries.query(name, Type.A).toWire();
            assertArrayEquals(Responder.general(query, full, Transport.UDP), Queries.answer(query, imported, Transport.UDP), name);
        }
    }

    @Test
    void aCachedAnswerFollowsTheAddressBehindItsCname() {
        Fleet fleet = Fleet.standard();
        byte[] query = Queries.query("mydb.writer.postgres.internal.", Type.A).toWire();
        Queries.answer(query, fleet.engine().get(), Transport.UDP);
        fleet.primary("pg-main", "10.9.9.9");
        String answer = Queries.parse(Queries.answer(query, fleet.engine().get(), Transport.UDP)).toString();
        assertEquals(true, answer.contains("10.9.9.9"), answer);
        assertEquals(false, answer.contains("10.0.0.5"), answer);
    }

    private static RoutingCommand randomChange(Random random) {
        String primary = "pg-" + random.nextInt(6);
        String replica = primary + "-r" + random.nextInt(3);
        String pair = "db-" + primary.substring(3);
        return switch (random.nextInt(9)) {
            case 0, 1 -> new RoutingCommand.PutServer(primary, "Primary", null,
                    List.of("10.0.0." + (1 + random.nextInt(200)), "fd00::" + Integer.toHexString(1 + random.nextInt(200))));
            case 2, 3 -> new RoutingCommand.PutServer(replica, "AsyncReplica", primary, List.of("10.1.0." + (1 + random.nextInt(200))));
            case 4 -> new RoutingCommand.PutEndpoint(primary, pair, "ReadWrite", null);
            case 5 -> new RoutingCommand.PatchEndpoint(primary, pair, List.of(random.nextBoolean() ? primary : replica));
            case 6 -> new RoutingCommand.DeleteServer(random.nextBoolean() ? replica : primary);
            case 7 -> new RoutingCommand.DeleteEndpoint(primary, pair);
            default -> RoutingCommand.Promote.of(replica, random.nextBoolean() ? "Switchover" : "Standalone", null);
        };
    }

}

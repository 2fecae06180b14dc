package dev.vedns.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.answer.Transport;
import dev.vedns.engine.Applied;
import dev.vedns.engine.Published;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.zone.ZoneNames;
import dev.vedns.zone.ZoneSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Drives the rules through a real engine, as the API does, and checks what a refusal leaves behind. */
final class Rules {

    private final Fleet fleet = new Fleet();
    private final RoutingEngine engine = fleet.engine();

    Applied apply(RoutingCommand command) {
        return engine.apply(command);
    }

    /** The table the engine publishes now. */
    RoutingTable table() {
        return engine.table();
    }

    RoutingEngine engine() {
        return engine;
    }

    /** The serial DNS answers with now. */
    long serial() {
        return engine.get().serial();
    }

    Rules primary(String name, String... addresses) {
        apply(new RoutingCommand.PutServer(name, "Primary", null, List.of(addresses)));
        return this;
    }

    Rules replica(String name, String source) {
        apply(new RoutingCommand.PutServer(name, "AsyncReplica", source, List.of("10.0.1." + (name.length() + 1))));
        return this;
    }

    Rules pair(String primary, String base, String... members) {
        apply(new RoutingCommand.PutEndpoint(primary, base, "ReadWrite", members.length == 0 ? null : List.of(members)));
        return this;
    }

    RoutingException refused(RoutingException.Kind kind, RoutingCommand command) {
        return refused(kind, () -> command);
    }

    /**
     * Asserts the command is refused with that kind, and that the engine is left exactly as it was: the same
     * published table and snapshot, the same serial, nothing journaled, and the same DNS answer for every name.
     */
    RoutingException refused(RoutingException.Kind kind, Supplier<RoutingCommand> command) {
        Published before = engine.published();
        int journaled = fleet.changeLog().records.size();
        List<byte[]> answers = answers(before.table(), before.snapshot());
        RoutingException refusal = assertThrows(RoutingException.class, () -> engine.apply(command.get()));
        assertEquals(kind, refusal.kind(), refusal.detail());
        assertSame(before, engine.published(), "a refused command must publish nothing");
        assertEquals(before.snapshot().serial(), engine.get().serial());
        assertEquals(journaled, fleet.changeLog().records.size(), "a refused command must journal nothing");
        List<byte[]> after = answers(before.table(), engine.get());
        for (int i = 0; i < answers.size(); i++) {
            assertArrayEquals(answers.get(i), after.get(i), "answer " + i + " changed");
        }
        return refusal;
    }

    /** What DNS answers for the apex and every name of the table, asked of {@code zone}. */
    private static List<byte[]> answers(RoutingTable table, ZoneSnapshot zone) {
        List<Name> names = new ArrayList<>(List.of(Fleet.ZONE));
        table.servers().forEach(server -> names.add(ZoneNames.server(server.name(), Fleet.ZONE)));
        table.endpoints().forEach(pair -> {
            names.add(ZoneNames.writer(pair.name(), Fleet.ZONE));
            names.add(ZoneNames.reader(pair.name(), Fleet.ZONE));
        });
        table.customs().forEach(custom -> names.add(ZoneNames.custom(custom.name(), Fleet.ZONE)));
        List<byte[]> answers = new ArrayList<>();
        for (Name name : names) {
            // A pool answers its members in turn: as many questions as it has members see each once.
            int turns = zone.node(name) == null ? 1 : zone.node(name).alternatives().size();
            for (int type : new int[] {Type.A, Type.AAAA, Type.SOA}) {
                byte[] query = Queries.query(name.toString(), type).toWire();
                query[0] = 0;
                query[1] = 1;
                List<byte[]> inTurn = new ArrayList<>();
                for (int turn = 0; turn < turns; turn++) {
                    inTurn.add(Queries.answer(query, zone, Transport.UDP));
                }
                inTurn.sort(Comparator.comparing(Arrays::toString));
                answers.addAll(inTurn);
            }
        }
        return answers;
    }

    static FieldError only(RoutingException refusal) {
        assertEquals(1, refusal.errors().size(), refusal.errors().toString());
        return refusal.errors().get(0);
    }
}

package dev.vedns.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.Fleet;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change the engine publishes is recorded with its kind, what it touched and how each name moved. */
class EventRecordingTest {

    private final Fleet fleet = Fleet.standard();
    private final RoutingEngine engine = fleet.engine();

    @Test
    void theStandardFleetLeftThreeEvents() {
        List<RoutingEvent> events = engine.events().after(0, 10);
        assertEquals(List.of("ServerCreated", "ServerCreated", "VirtualEndpointCreated"),
                events.stream().map(RoutingEvent::kind).toList());
        assertEquals(List.of(new TargetChange("mydb.writer.postgres.internal", null, "pg-main"),
                new TargetChange("mydb.reader.postgres.internal", null, "pg-replica-1")), events.get(2).targets());
        assertEquals(Fleet.FIRST_SERIAL + 3, events.get(2).serial());
    }

    @Test
    void aSideEffectIsRecordedWithTheChangeThatCausedIt() {
        engine.apply(new RoutingCommand.DeleteServer("pg-replica-1"));
        RoutingEvent deleted = last();
        assertEquals("ServerDeleted", deleted.kind());
        assertEquals(List.of("pg-replica-1"), deleted.servers());
        assertEquals(List.of("mydb"), deleted.virtualEndpoints());
        assertEquals(List.of(new TargetChange("mydb.reader.postgres.internal", "pg-replica-1", "pg-main")), deleted.targets());
    }

    @Test
    void aPromotionRecordsModeOptionRolesAndBothNames() {
        engine.apply(RoutingCommand.Promote.of("pg-replica-1", "switchover", "forced"));
        RoutingEvent promoted = last();
        assertEquals("ReplicaPromoted", promoted.kind());
        assertEquals(Map.of("promoteMode", "Switchover", "promoteOption", "Forced"), promoted.details());
        assertEquals(List.of("pg-main", "pg-replica-1"), promoted.servers());
        assertEquals(List.of(new TargetChange("mydb.writer.postgres.internal", "pg-main", "pg-replica-1"),
                new TargetChange("mydb.reader.postgres.internal", "pg-replica-1", "pg-main")), promoted.targets());
    }

    @Test
    void retargetAndDeleteOfAPair() {
        engine.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-main")));
        assertEquals("ReaderRetargeted", last().kind());
        assertEquals(List.of(new TargetChange("mydb.reader.postgres.internal", "pg-replica-1", "pg-main")), last().targets());
        engine.apply(new RoutingCommand.DeleteEndpoint("pg-main", "mydb"));
        assertEquals("VirtualEndpointDeleted", last().kind());
        assertEquals(List.of(new TargetChange("mydb.writer.postgres.internal", "pg-main", null),
                new TargetChange("mydb.reader.postgres.internal", "pg-main", null)), last().targets());
    }

    @Test
    void refusedAndUnchangedCommandsLeaveNoEvent() {
        long latest = engine.events().latestId();
        engine.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-replica-1")));
        try {
            engine.apply(RoutingCommand.Promote.of("pg-main", null, null));
        } catch (RoutingException expected) {
            // refused: a primary cannot be promoted
        }
        assertEquals(latest, engine.events().latestId());
    }

    @Test
    void anAddressChangeIsAServerUpdateWithNoTargetChange() {
        engine.apply(new RoutingCommand.PutServer("pg-main", "Primary", null, List.of("10.0.0.99")));
        assertEquals("ServerUpdated", last().kind());
        assertEquals(List.of("pg-main"), last().servers());
        assertEquals(List.of(), last().targets());
    }

    private RoutingEvent last() {
        List<RoutingEvent> events = engine.events().after(engine.events().latestId() - 1, 1);
        return events.get(0);
    }
}

package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.routing.RoutingCommand.PatchEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderRetargetTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5")
            .replica("pg-replica-a", "pg-main").replica("pg-replica-b", "pg-main").pair("pg-main", "mydb");

    @Test
    void retargetsTheReaderToAnyServerOfTheSetAndNeverMovesTheWriter() {
        for (String target : List.of("pg-replica-b", "pg-main", "pg-replica-a")) {
            assertEquals(Outcome.Effect.UPDATED,
                    rules.apply(new PatchEndpoint("pg-main", "mydb", List.of(target))).effect());
            VirtualEndpoint pair = rules.table().endpoint("mydb");
            assertEquals(List.of(target), pair.readerMembers());
            assertEquals("pg-main", pair.primaryName());
        }
    }

    @Test
    void retargetingToTheCurrentTargetChangesNothing() {
        assertEquals(Outcome.Effect.UNCHANGED,
                rules.apply(new PatchEndpoint("pg-main", "mydb", List.of("pg-replica-a"))).effect());
    }

    @Test
    void theOptionAloneMayBePatchedAndKeepsTheSerial() {
        long serial = rules.serial();
        assertEquals(Outcome.Effect.UPDATED,
                rules.apply(new PatchEndpoint("pg-main", "mydb", null, null, true)).effect());
        assertEquals(true, rules.table().endpoint("mydb").writerFollowsObservedPrimary());
        assertEquals(List.of("pg-replica-a"), rules.table().endpoint("mydb").readerMembers());
        assertEquals(serial, rules.serial(), "the option moves no name");
        assertEquals(Outcome.Effect.UNCHANGED,
                rules.apply(new PatchEndpoint("pg-main", "mydb", null, null, true)).effect());
    }

    @Test
    void membersAreRequiredWhenTheOptionIsNotGiven() {
        FieldError error = Rules.only(rules.refused(INVALID, new PatchEndpoint("pg-main", "mydb", null)));
        assertEquals("members", error.field());
        assertEquals("required", error.rule());
    }

    @Test
    void anEndpointTypeMayBeRepeatedButNotChanged() {
        assertEquals(Outcome.Effect.UPDATED,
                rules.apply(new PatchEndpoint("pg-main", "mydb", "readwrite", List.of("pg-main"))).effect());
        FieldError error = Rules.only(rules.refused(INVALID, new PatchEndpoint("pg-main", "mydb", "ReadOnly",
                List.of("pg-replica-a"))));
        assertEquals("endpointType", error.field());
        assertEquals("oneOf", error.rule());
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void theTargetMustBeInTheSet() {
        rules.primary("pg-other", "10.0.0.7");
        assertEquals("memberOfReplicationSet",
                Rules.only(rules.refused(INVALID, new PatchEndpoint("pg-main", "mydb", List.of("pg-other")))).rule());
    }

    @Test
    void aReplicaPathIsRefusedAndAnUnknownPairIsNotFound() {
        rules.refused(CONFLICT, new PatchEndpoint("pg-replica-a", "mydb", List.of("pg-main")));
        rules.refused(NOT_FOUND, new PatchEndpoint("pg-main", "otherdb", List.of("pg-main")));
        rules.primary("pg-other", "10.0.0.7");
        rules.refused(NOT_FOUND, new PatchEndpoint("pg-other", "mydb", List.of("pg-other")));
    }
}

package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.routing.RoutingCommand.DeleteEndpoint;
import dev.vedns.routing.RoutingCommand.DeleteServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5")
            .replica("pg-replica-a", "pg-main").replica("pg-replica-b", "pg-main").pair("pg-main", "mydb");

    @Test
    void deletingTheReadersTargetMovesTheReaderToThePrimary() {
        rules.apply(new DeleteServer("pg-replica-a"));
        assertNull(rules.table().server("pg-replica-a"));
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void deletingAnotherReplicaLeavesTheReaderAlone() {
        rules.apply(new DeleteServer("pg-replica-b"));
        assertEquals(List.of("pg-replica-a"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void aPrimaryWithDependantsIsKeptUntilTheyAreGone() {
        RoutingException refusal = rules.refused(CONFLICT, new DeleteServer("pg-main"));
        assertTrue(refusal.detail().contains("pg-replica-a, pg-replica-b"), refusal.detail());
        assertTrue(refusal.detail().contains("'mydb'"), refusal.detail());

        rules.apply(new DeleteServer("pg-replica-a"));
        rules.apply(new DeleteServer("pg-replica-b"));
        RoutingException pairLeft = rules.refused(CONFLICT, new DeleteServer("pg-main"));
        assertTrue(pairLeft.detail().contains("'mydb'"), pairLeft.detail());

        rules.apply(new DeleteEndpoint("pg-main", "mydb"));
        assertEquals(Outcome.Effect.DELETED, rules.apply(new DeleteServer("pg-main")).effect());
        assertTrue(rules.table().servers().isEmpty());
    }

    @Test
    void unknownNamesAreNotFound() {
        rules.refused(NOT_FOUND, new DeleteServer("pg-ghost"));
        rules.refused(NOT_FOUND, new DeleteEndpoint("pg-main", "otherdb"));
        rules.refused(NOT_FOUND, new DeleteEndpoint("pg-ghost", "mydb"));
    }

    @Test
    void aPairIsDeletedThroughItsPrimaryOnly() {
        rules.refused(CONFLICT, new DeleteEndpoint("pg-replica-a", "mydb"));
        assertEquals(Outcome.Effect.DELETED, rules.apply(new DeleteEndpoint("pg-main", "mydb")).effect());
        assertNull(rules.table().endpoint("mydb"));
    }
}

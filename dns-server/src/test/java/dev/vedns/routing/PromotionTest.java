package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.routing.RoutingCommand.Promote;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The promotion table, as Azure behaves:
 * <pre>
 * endpoint | original target       | after Switchover | after Standalone
 * writer   | primary               | new primary      | unchanged
 * reader   | the promoted replica  | former primary   | primary
 * reader   | primary               | refused (409)    | unchanged
 * reader   | another replica       | refused (409)    | unchanged
 * </pre>
 */
class PromotionTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5")
            .replica("pg-replica-a", "pg-main").replica("pg-replica-b", "pg-main").replica("pg-replica-c", "pg-main");

    @Test
    void switchoverMovesTheWriterToTheNewPrimaryAndTheReaderToTheFormerPrimary() {
        rules.pair("pg-main", "mydb", "pg-replica-b");
        rules.apply(Promote.of("pg-replica-b", "Switchover", "Planned"));
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertEquals("pg-replica-b", pair.primaryName());
        assertEquals(List.of("pg-main"), pair.readerMembers());
    }

    @Test
    void switchoverSwapsRolesAndRepointsEveryReplica() {
        rules.apply(Promote.of("pg-replica-b", null, null));
        RoutingTable table = rules.table();
        assertEquals(ReplicationRole.Primary, table.server("pg-replica-b").role());
        assertNull(table.server("pg-replica-b").sourceServerName());
        for (String replica : List.of("pg-main", "pg-replica-a", "pg-replica-c")) {
            assertEquals(ReplicationRole.AsyncReplica, table.server(replica).role(), replica);
            assertEquals("pg-replica-b", table.server(replica).sourceServerName(), replica);
        }
        assertEquals(List.of("pg-main", "pg-replica-a", "pg-replica-c"),
                table.replicasOf("pg-replica-b").stream().map(Server::name).toList());
    }

    @Test
    void switchoverIsRefusedWhileTheReaderTargetsThePrimary() {
        rules.pair("pg-main", "mydb", "pg-main");
        RoutingException refusal = rules.refused(CONFLICT, Promote.of("pg-replica-b", "Switchover", "Planned"));
        assertTrue(refusal.detail().contains("retarget the reader to 'pg-replica-b' first"), refusal.detail());
    }

    @Test
    void switchoverIsRefusedWhileTheReaderTargetsAnotherReplica() {
        rules.pair("pg-main", "mydb", "pg-replica-a");
        rules.refused(CONFLICT, Promote.of("pg-replica-b", "Switchover", "Forced"));
    }

    @Test
    void standaloneLeavesTheWriterAndMovesAReaderOnThePromotedReplicaToThePrimary() {
        rules.pair("pg-main", "mydb", "pg-replica-b");
        rules.apply(Promote.of("pg-replica-b", "Standalone", "Planned"));
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertEquals("pg-main", pair.primaryName());
        assertEquals(List.of("pg-main"), pair.readerMembers());
        Server independent = rules.table().server("pg-replica-b");
        assertEquals(ReplicationRole.Primary, independent.role());
        assertNull(rules.table().endpointOf("pg-replica-b"));
        assertEquals(List.of("pg-replica-a", "pg-replica-c"),
                rules.table().replicasOf("pg-main").stream().map(Server::name).toList());
    }

    @Test
    void standaloneLeavesAReaderOnThePrimaryOrAnotherReplicaAlone() {
        rules.pair("pg-main", "mydb", "pg-main");
        rules.apply(Promote.of("pg-replica-b", "Standalone", "Forced"));
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());

        rules.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-replica-a")));
        rules.apply(Promote.of("pg-replica-c", "Standalone", "Forced"));
        assertEquals(List.of("pg-replica-a"), rules.table().endpoint("mydb").readerMembers());
        assertEquals("pg-main", rules.table().endpoint("mydb").primaryName());
    }

    @Test
    void switchoverBackAndForthNeedsNoRetarget() {
        rules.pair("pg-main", "mydb", "pg-replica-a");
        rules.apply(Promote.of("pg-replica-a", null, null));
        rules.apply(Promote.of("pg-main", null, null));
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertEquals("pg-main", pair.primaryName());
        assertEquals(List.of("pg-replica-a"), pair.readerMembers());
        assertEquals("pg-main", rules.table().server("pg-replica-c").sourceServerName());
    }

    @Test
    void theWordsAreAcceptedInAnyLetterCase() {
        rules.apply(Promote.of("pg-replica-a", "sWiTcHoVeR", "FORCED"));
        assertEquals(ReplicationRole.Primary, rules.table().server("pg-replica-a").role());
    }

    @Test
    void badWordsPrimariesAndUnknownServersAreRefused() {
        RoutingException words = rules.refused(INVALID, () -> Promote.of("pg-replica-a", "Failover", "Maybe"));
        assertEquals(List.of("promoteMode:oneOf", "promoteOption:oneOf"),
                words.errors().stream().map(e -> e.field() + ":" + e.rule()).toList());
        rules.refused(CONFLICT, Promote.of("pg-main", "Switchover", "Planned"));
        rules.refused(NOT_FOUND, Promote.of("pg-ghost", "Switchover", "Planned"));
    }
}

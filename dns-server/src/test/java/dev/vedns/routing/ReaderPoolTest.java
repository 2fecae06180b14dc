package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vedns.routing.RoutingCommand.DeleteServer;
import dev.vedns.routing.RoutingCommand.PatchEndpoint;
import dev.vedns.routing.RoutingCommand.Promote;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader of several members (a pool), and the promotion table generalised to it:
 * <pre>
 * reader pool                          | after Switchover of a member    | after Standalone of a member
 * [a, b]                               | [former primary, b]             | [b]
 * [a] (the last member)                | [former primary]                | [primary]
 * not containing the promoted replica  | refused (409)                   | unchanged
 * </pre>
 */
class ReaderPoolTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5").replica("pg-replica-a", "pg-main")
            .replica("pg-replica-b", "pg-main").replica("pg-replica-c", "pg-main")
            .pair("pg-main", "mydb", "pg-replica-a", "pg-replica-b");

    @Test
    void aReaderMayNameSeveralMembersInTheirOrder() {
        assertEquals(List.of("pg-replica-a", "pg-replica-b"), pair().readerMembers());
        rules.apply(new PatchEndpoint("pg-main", "mydb", List.of("pg-replica-c", "pg-main", "pg-replica-a")));
        assertEquals(List.of("pg-replica-c", "pg-main", "pg-replica-a"), pair().readerMembers());
    }

    @Test
    void aSwitchoverToAMemberPutsTheFormerPrimaryInItsPlace() {
        rules.apply(Promote.of("pg-replica-a", "Switchover", "Planned"));
        assertEquals("pg-replica-a", pair().primaryName());
        assertEquals(List.of("pg-main", "pg-replica-b"), pair().readerMembers());
    }

    @Test
    void aSwitchoverToAServerOutsideThePoolIsRefused() {
        RoutingException refused = rules.refused(CONFLICT, Promote.of("pg-replica-c", "Switchover", "Planned"));
        assertEquals("The reader of virtual endpoint pair 'mydb' targets 'pg-replica-a', 'pg-replica-b', not"
                + " 'pg-replica-c': add 'pg-replica-c' to the reader's pool first (PATCH its members), then promote, so"
                + " reads never land on the new primary by surprise.", refused.getMessage());
    }

    @Test
    void aStandalonePromotionTakesTheMemberOutAndAnEmptyPoolMeansThePrimary() {
        rules.apply(Promote.of("pg-replica-a", "Standalone", "Planned"));
        assertEquals(List.of("pg-replica-b"), pair().readerMembers());
        rules.apply(Promote.of("pg-replica-b", "Standalone", "Planned"));
        assertEquals(List.of("pg-main"), pair().readerMembers());
    }

    @Test
    void aStandalonePromotionOfAServerOutsideThePoolChangesNoMember() {
        rules.apply(Promote.of("pg-replica-c", "Standalone", "Planned"));
        assertEquals(List.of("pg-replica-a", "pg-replica-b"), pair().readerMembers());
    }

    @Test
    void deletingAMemberTakesItOutOfThePool() {
        rules.apply(new DeleteServer("pg-replica-b"));
        assertEquals(List.of("pg-replica-a"), pair().readerMembers());
        rules.apply(new DeleteServer("pg-replica-a"));
        assertEquals(List.of("pg-main"), pair().readerMembers());
    }

    private VirtualEndpoint pair() {
        return rules.table().endpoint("mydb");
    }
}

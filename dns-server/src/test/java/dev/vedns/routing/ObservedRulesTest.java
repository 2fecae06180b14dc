package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vedns.routing.RoutingCommand.DeleteServer;
import dev.vedns.routing.RoutingCommand.FollowObservedPrimary;
import dev.vedns.routing.RoutingCommand.RerouteReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changes the probes ask for are held to the table as it is now, as strictly as a user's. */
class ObservedRulesTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5").replica("pg-replica-a", "pg-main")
            .replica("pg-replica-b", "pg-main").pair("pg-main", "mydb", "pg-replica-a")
            .primary("pg-other", "10.0.0.9");

    @Test
    void aReaderMayBeReroutedOnlyWithinItsSet() {
        rules.refused(CONFLICT, new RerouteReader("mydb", new ReaderReroute("pg-other", "down")));
        rules.refused(NOT_FOUND, new RerouteReader("otherdb", new ReaderReroute("pg-main", "down")));
        rules.apply(new RerouteReader("mydb", new ReaderReroute("pg-replica-b", "down")));
        assertEquals(List.of("pg-replica-b"), rules.table().endpoint("mydb").effectiveReaderTargets());
    }

    @Test
    void reroutingToTheChosenTargetIsARestore() {
        rules.apply(new RerouteReader("mydb", new ReaderReroute("pg-main", "down")));
        rules.apply(new RerouteReader("mydb", new ReaderReroute("pg-replica-a", "up")));
        assertNull(rules.table().endpoint("mydb").reroute());
    }

    @Test
    void deletingTheServerARerouteAnswersEndsTheReroute() {
        rules.apply(new RerouteReader("mydb", new ReaderReroute("pg-replica-b", "down")));
        rules.apply(new DeleteServer("pg-replica-b"));
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertNull(pair.reroute());
        assertEquals(List.of("pg-replica-a"), pair.effectiveReaderTargets());
    }

    @Test
    void onlyAPairWithTheOptionFollowsAnObservedPrimary() {
        rules.refused(CONFLICT, new FollowObservedPrimary("pg-replica-b", "seen"));
        rules.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", null, null, true));
        rules.refused(CONFLICT, new FollowObservedPrimary("pg-main", "a primary already"));
        rules.apply(new FollowObservedPrimary("pg-replica-b", "seen"));
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertEquals("pg-replica-b", pair.primaryName());
        assertEquals(List.of("pg-replica-a"), pair.readerMembers(), "a reader on another replica keeps it");
        assertEquals("pg-replica-b", rules.table().server("pg-main").sourceServerName());
    }
}

package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vedns.Queries;
import dev.vedns.routing.RoutingCommand.DeleteCustomEndpoint;
import dev.vedns.routing.RoutingCommand.DeleteServer;
import dev.vedns.routing.RoutingCommand.PatchCustomEndpoint;
import dev.vedns.routing.RoutingCommand.Promote;
import dev.vedns.routing.RoutingCommand.PutCustomEndpoint;
import dev.vedns.routing.RoutingCommand.PutServer;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Custom endpoints, as Aurora has them: a static list or an exclusion list of a set's servers, Reader (replicas
 * only) or Any, answered in turn at {@code <name>.custom.<zone>}, following the set through promotions.
 */
class CustomEndpointTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5").replica("pg-replica-a", "pg-main")
            .replica("pg-replica-b", "pg-main").replica("pg-replica-c", "pg-main").pair("pg-main", "mydb");

    @Test
    void aStaticListIsAnsweredInTurnAtItsOwnName() {
        rules.apply(new PutCustomEndpoint("pg-main", "analytics", "Reader", List.of("pg-replica-b", "pg-replica-c"), null));
        assertEquals(List.of("pg-replica-b", "pg-replica-c"), custom("analytics").resolved());
        assertEquals(List.of("pg-replica-b", "pg-replica-c"), dns("analytics", 4));
    }

    @Test
    void anExclusionListGainsAReplicaRegisteredAfterwardsWithoutAnyCall() {
        rules.apply(new PutCustomEndpoint("pg-main", "reporting", "Reader", null, List.of("pg-replica-a")));
        assertEquals(List.of("pg-replica-b", "pg-replica-c"), dns("reporting", 4));
        rules.apply(new PutServer("pg-replica-d", "AsyncReplica", "pg-main", List.of("10.0.0.9")));
        assertEquals(List.of("pg-replica-b", "pg-replica-c", "pg-replica-d"), dns("reporting", 6));
    }

    @Test
    void anyAnswersThePrimaryTooAndAReaderNever() {
        rules.apply(new PutCustomEndpoint("pg-main", "everything", "Any", null, List.of()));
        assertEquals(List.of("pg-main", "pg-replica-a", "pg-replica-b", "pg-replica-c"), custom("everything").resolved());
        FieldError primary = Rules.only(rules.refused(INVALID, new PutCustomEndpoint("pg-main", "readers", "Reader",
                List.of("pg-main"), null)));
        assertEquals("members[0]", primary.field());
        assertEquals("replica", primary.rule());
    }

    @Test
    void afterASwitchoverItFollowsTheNewPrimaryAndTheFormerPrimaryIsAMemberAgainUnlessExcluded() {
        rules.apply(new PutCustomEndpoint("pg-main", "reporting", "Reader", null, List.of("pg-replica-c")));
        rules.apply(new PutCustomEndpoint("pg-main", "analytics", "Reader", List.of("pg-replica-a", "pg-replica-b"), null));
        rules.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-replica-a")));
        rules.apply(Promote.of("pg-replica-a", "Switchover", "Planned"));
        assertEquals("pg-replica-a", custom("reporting").primaryName());
        assertEquals(List.of("pg-main", "pg-replica-b"), custom("reporting").resolved(), "a Reader never the primary");
        assertEquals(List.of("pg-main", "pg-replica-b"), custom("analytics").members(),
                "the promoted member's place goes to the former primary");
        assertEquals(List.of("pg-main", "pg-replica-b"), dns("analytics", 4));
    }

    @Test
    void afterAStandalonePromotionThePromotedServerLeaves() {
        rules.apply(new PutCustomEndpoint("pg-main", "analytics", "Any", List.of("pg-replica-b", "pg-replica-c"), null));
        rules.apply(Promote.of("pg-replica-b", "Standalone", "Planned"));
        assertEquals(List.of("pg-replica-c"), custom("analytics").members());
        assertEquals(List.of("pg-replica-c"), dns("analytics", 2));
    }

    @Test
    void withNoMemberLeftItAnswersThePrimary() {
        rules.apply(new PutCustomEndpoint("pg-main", "lonely", "Reader", List.of("pg-replica-c"), null));
        rules.apply(new DeleteServer("pg-replica-c"));
        assertEquals(List.of(), custom("lonely").members());
        assertEquals(List.of("pg-main"), dns("lonely", 2));
    }

    @Test
    void patchChangesWhatItIsGivenAndDeleteRemovesTheName() {
        rules.apply(new PutCustomEndpoint("pg-main", "analytics", "Reader", List.of("pg-replica-b"), null));
        rules.apply(new PatchCustomEndpoint("pg-main", "analytics", "Any", null, null));
        assertEquals(CustomEndpointType.Any, custom("analytics").type());
        assertEquals(List.of("pg-replica-b"), custom("analytics").members());
        rules.apply(new PatchCustomEndpoint("pg-main", "analytics", null, null, List.of("pg-replica-a")));
        assertNull(custom("analytics").members());
        assertEquals(List.of("pg-main", "pg-replica-b", "pg-replica-c"), custom("analytics").resolved());
        rules.apply(new DeleteCustomEndpoint("pg-main", "analytics"));
        assertNull(custom("analytics"));
        assertEquals(List.of(), dns("analytics", 1));
    }

    @Test
    void theFieldsTheNamespaceAndTheLimitAreEnforced() {
        assertEquals("required", Rules.only(rules.refused(INVALID,
                new PutCustomEndpoint("pg-main", "analytics", "Reader", null, null))).rule());
        assertEquals("exclusive", Rules.only(rules.refused(INVALID,
                new PutCustomEndpoint("pg-main", "analytics", "Reader", List.of("pg-replica-a"), List.of()))).rule());
        assertEquals("oneOf", Rules.only(rules.refused(INVALID,
                new PutCustomEndpoint("pg-main", "analytics", "Writer", null, List.of()))).rule());
        assertEquals("reserved", Rules.only(rules.refused(INVALID,
                new PutCustomEndpoint("pg-main", "custom", "Reader", null, List.of()))).rule());
        rules.refused(CONFLICT, new PutCustomEndpoint("pg-main", "mydb", "Reader", null, List.of()));
        rules.refused(CONFLICT, new PutCustomEndpoint("pg-main", "pg-replica-a", "Reader", null, List.of()));
        rules.refused(CONFLICT, new PutCustomEndpoint("pg-replica-a", "analytics", "Reader", null, List.of()));
        rules.refused(NOT_FOUND, new PatchCustomEndpoint("pg-main", "ghost", "Any", null, null));
        for (int i = 0; i < RoutingRules.CUSTOM_ENDPOINTS_PER_SET; i++) {
            rules.apply(new PutCustomEndpoint("pg-main", "c-" + i, "Reader", null, List.of()));
        }
        rules.refused(CONFLICT, new PutCustomEndpoint("pg-main", "one-too-many", "Reader", null, List.of()));
        rules.refused(CONFLICT, new DeleteServer("pg-main"));
    }

    private CustomEndpoint custom(String name) {
        return rules.table().custom(name);
    }

    /** The distinct targets of {@code count} answers in a row for the custom endpoint's name, sorted. */
    private List<String> dns(String name, int count) {
        SortedSet<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            for (Record record : Queries.ask(rules.engine().get(), Queries.query(name + ".custom.postgres.internal.",
                    Type.CNAME)).getSection(Section.ANSWER)) {
                seen.add(record.rdataToString().split("\\.")[0]);
            }
        }
        return List.copyOf(seen);
    }
}

package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static dev.vedns.routing.RoutingException.Kind.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.routing.RoutingCommand.PutEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPairTest {

    private final Rules rules = new Rules().primary("pg-main", "10.0.0.5");

    @Test
    void theReaderDefaultsToTheFirstReplicaByName() {
        rules.replica("pg-replica-b", "pg-main").replica("pg-replica-a", "pg-main").pair("pg-main", "mydb");
        VirtualEndpoint pair = rules.table().endpoint("mydb");
        assertEquals("pg-main", pair.primaryName());
        assertEquals(List.of("pg-replica-a"), pair.readerMembers());
    }

    @Test
    void theReaderDefaultsToThePrimaryWhenTheSetHasNoReplica() {
        rules.pair("pg-main", "mydb");
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void addingAReplicaLaterDoesNotMoveTheReader() {
        rules.pair("pg-main", "mydb").replica("pg-replica-a", "pg-main");
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void membersChooseTheReaderTarget() {
        rules.replica("pg-replica-a", "pg-main").replica("pg-replica-b", "pg-main");
        assertEquals(Outcome.Effect.CREATED,
                rules.apply(new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-replica-b"))).effect());
        assertEquals(List.of("pg-replica-b"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void theReaderMayTargetThePrimary() {
        rules.replica("pg-replica-a", "pg-main").pair("pg-main", "mydb", "pg-main");
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }

    @Test
    void membersMustBeServersOfTheSetEachOnce() {
        rules.primary("pg-other", "10.0.0.7").replica("pg-other-replica", "pg-other");
        FieldError unknown = Rules.only(rules.refused(INVALID, new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-ghost"))));
        assertEquals("members[0]", unknown.field());
        assertEquals("existingServer", unknown.rule());

        FieldError foreign = Rules.only(rules.refused(INVALID,
                new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-other-replica"))));
        assertEquals("memberOfReplicationSet", foreign.rule());

        FieldError twice = Rules.only(rules.refused(INVALID,
                new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-main", "pg-main"))));
        assertEquals("members", twice.field());
        assertEquals("unique", twice.rule());
        assertEquals("size", Rules.only(rules.refused(INVALID,
                new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of()))).rule());
        FieldError second = Rules.only(rules.refused(INVALID,
                new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-main", "pg-other"))));
        assertEquals("members[1]", second.field());
    }

    @Test
    void readWriteIsTheOnlyEndpointType() {
        assertEquals("oneOf", Rules.only(rules.refused(INVALID, new PutEndpoint("pg-main", "mydb", "ReadOnly", null))).rule());
        assertEquals("required", Rules.only(rules.refused(INVALID, new PutEndpoint("pg-main", "mydb", null, null))).rule());
        rules.apply(new PutEndpoint("pg-main", "mydb", "readwrite", null));
        assertTrue(rules.table().endpoint("mydb") != null);
    }

    @Test
    void theBaseNameFollowsTheNamingRule() {
        FieldError error = Rules.only(rules.refused(INVALID, new PutEndpoint("pg-main", "My_DB", "ReadWrite", null)));
        assertEquals("name", error.field());
        assertEquals("pattern", error.rule());
        assertEquals("reserved", Rules.only(rules.refused(INVALID, new PutEndpoint("pg-main", "writer", "ReadWrite", null))).rule());
    }

    @Test
    void theBaseNameIsUniqueAcrossTheZone() {
        rules.primary("pg-other", "10.0.0.7").pair("pg-other", "mydb");
        RoutingException taken = rules.refused(CONFLICT, new PutEndpoint("pg-main", "mydb", "ReadWrite", null));
        assertTrue(taken.detail().contains("pg-other"), taken.detail());
        rules.refused(CONFLICT, new PutEndpoint("pg-main", "pg-other", "ReadWrite", null));
    }

    @Test
    void aSetHasAtMostOnePair() {
        rules.pair("pg-main", "mydb");
        RoutingException second = rules.refused(CONFLICT, new PutEndpoint("pg-main", "mydb2", "ReadWrite", null));
        assertTrue(second.detail().contains("mydb"), second.detail());
    }

    @Test
    void endpointsAreManagedThroughThePrimaryOnly() {
        rules.replica("pg-replica-a", "pg-main");
        RoutingException refusal = rules.refused(CONFLICT, new PutEndpoint("pg-replica-a", "mydb", "ReadWrite", null));
        assertTrue(refusal.detail().contains("'pg-main'"), refusal.detail());
    }

    @Test
    void anUnknownServerIsNotFound() {
        rules.refused(NOT_FOUND, new PutEndpoint("pg-ghost", "mydb", "ReadWrite", null));
    }

    @Test
    void putOnTheSamePairIsIdempotentAndMayRetarget() {
        rules.replica("pg-replica-a", "pg-main").pair("pg-main", "mydb");
        assertEquals(Outcome.Effect.UNCHANGED, rules.apply(new PutEndpoint("pg-main", "mydb", "ReadWrite", null)).effect());
        assertEquals(Outcome.Effect.UPDATED,
                rules.apply(new PutEndpoint("pg-main", "mydb", "ReadWrite", List.of("pg-main"))).effect());
        assertEquals(List.of("pg-main"), rules.table().endpoint("mydb").readerMembers());
    }
}

package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.CONFLICT;
import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.routing.RoutingCommand.PutServer;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerRegistrationTest {

    private final Rules rules = new Rules();

    @Test
    void registersAPrimaryAndAReplicaOfIt() throws Exception {
        assertEquals(Outcome.Effect.CREATED, rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.5"))).effect());
        var replica = rules.apply(new PutServer("pg-replica-1", "AsyncReplica", "pg-main", List.of("10.0.0.6", "fd00::6")));

        assertEquals(Outcome.Effect.CREATED, replica.effect());
        Server stored = rules.table().server("pg-replica-1");
        assertEquals(ReplicationRole.AsyncReplica, stored.role());
        assertEquals("pg-main", stored.sourceServerName());
        assertEquals(List.of(InetAddress.getByName("10.0.0.6"), InetAddress.getByName("fd00::6")), stored.addresses());
        assertEquals(List.of(stored), rules.table().replicasOf("pg-main"));
    }

    @Test
    void acceptsTheRoleInAnyLetterCase() {
        rules.apply(new PutServer("pg-main", "primary", null, List.of("10.0.0.5")));
        rules.apply(new PutServer("pg-replica", "ASYNCREPLICA", "pg-main", List.of("10.0.0.6")));
        assertEquals(ReplicationRole.AsyncReplica, rules.table().server("pg-replica").role());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg", "PG-main", "-pg-main", "pg-main-", "pg_main", "pg.main", "pg main",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void refusesNamesOutsideTheNamingRule(String name) {
        FieldError error = Rules.only(rules.refused(INVALID, new PutServer(name, "Primary", null, List.of("10.0.0.5"))));
        assertEquals("serverName", error.field());
        assertEquals("pattern", error.rule());
    }

    @Test
    void acceptsNamesAtTheEdgesOfTheRule() {
        String longest = "a" + "b".repeat(61) + "9";
        rules.primary("pg1", "10.0.0.1").primary(longest, "10.0.0.2").primary("9-a", "10.0.0.3");
        assertEquals(3, rules.table().servers().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer", "reader", "ns1"})
    void refusesNamesTheZoneUsesItself(String name) {
        FieldError error = Rules.only(rules.refused(INVALID, new PutServer(name, "Primary", null, List.of("10.0.0.5"))));
        assertEquals("reserved", error.rule());
    }

    @Test
    void namesEveryBrokenFieldAtOnce() {
        RoutingException refusal = rules.refused(INVALID,
                new PutServer("Bad_Name", "Leader", null, List.of("10.0.0.5", "not-an-ip", "10.0.0.5", "256.1.1.1")));
        List<String> fields = refusal.errors().stream().map(e -> e.field() + ":" + e.rule()).toList();
        assertEquals(List.of("serverName:pattern", "replicationRole:oneOf", "addresses[1]:ipAddress",
                "addresses[2]:unique", "addresses[3]:ipAddress"), fields);
    }

    @Test
    void requiresRoleAndAddresses() {
        RoutingException refusal = rules.refused(INVALID, new PutServer("pg-main", null, null, null));
        assertEquals(List.of("replicationRole:required", "addresses:required"),
                refusal.errors().stream().map(e -> e.field() + ":" + e.rule()).toList());
        FieldError empty = Rules.only(rules.refused(INVALID, new PutServer("pg-main", "Primary", null, List.of())));
        assertEquals("addresses", empty.field());
    }

    @Test
    void neverResolvesAHostNameGivenAsAnAddress() {
        FieldError error = Rules.only(rules.refused(INVALID, new PutServer("pg-main", "Primary", null, List.of("localhost"))));
        assertEquals("addresses[0]", error.field());
        assertEquals("ipAddress", error.rule());
    }

    @Test
    void aReplicaNeedsAnExistingPrimaryAsSource() {
        assertEquals("required", Rules.only(rules.refused(INVALID,
                new PutServer("pg-replica", "AsyncReplica", null, List.of("10.0.0.6")))).rule());
        FieldError unknown = Rules.only(rules.refused(INVALID,
                new PutServer("pg-replica", "AsyncReplica", "pg-nowhere", List.of("10.0.0.6"))));
        assertEquals("sourceServerName", unknown.field());
        assertEquals("existingPrimary", unknown.rule());

        rules.primary("pg-main", "10.0.0.5").replica("pg-replica", "pg-main");
        FieldError cascade = Rules.only(rules.refused(INVALID,
                new PutServer("pg-cascade", "AsyncReplica", "pg-replica", List.of("10.0.0.7"))));
        assertEquals("existingPrimary", cascade.rule());
        assertTrue(cascade.message().contains("pg-main"), cascade.message());
    }

    @Test
    void aPrimaryHasNoSource() {
        rules.primary("pg-main", "10.0.0.5");
        FieldError error = Rules.only(rules.refused(INVALID, new PutServer("pg-other", "Primary", "pg-main", List.of("10.0.0.7"))));
        assertEquals("sourceServerName", error.field());
    }

    @Test
    void anUpdateChangesAddressesOnly() throws Exception {
        rules.primary("pg-main", "10.0.0.5");
        var same = rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.5")));
        assertEquals(Outcome.Effect.UNCHANGED, same.effect());

        var moved = rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.9", "fd00::9")));
        assertEquals(Outcome.Effect.UPDATED, moved.effect());
        assertEquals(Arrays.asList(InetAddress.getByName("10.0.0.9"), InetAddress.getByName("fd00::9")),
                rules.table().server("pg-main").addresses());
    }

    @Test
    void rolesAndSourcesChangeOnlyByPromotion() {
        rules.primary("pg-main", "10.0.0.5").primary("pg-other", "10.0.0.7").replica("pg-replica", "pg-main");
        RoutingException toReplica = rules.refused(CONFLICT, new PutServer("pg-main", "AsyncReplica", "pg-other", List.of("10.0.0.5")));
        assertTrue(toReplica.detail().contains("promotion"), toReplica.detail());
        rules.refused(CONFLICT, new PutServer("pg-replica", "Primary", null, List.of("10.0.1.11")));
        rules.refused(CONFLICT, new PutServer("pg-replica", "AsyncReplica", "pg-other", List.of("10.0.1.11")));
        assertNull(rules.table().server("pg-main").sourceServerName());
    }

    @Test
    void aServerCannotTakeTheNameOfAnEndpointPair() {
        rules.primary("pg-main", "10.0.0.5").pair("pg-main", "mydb");
        rules.refused(CONFLICT, new PutServer("mydb", "Primary", null, List.of("10.0.0.8")));
    }
}

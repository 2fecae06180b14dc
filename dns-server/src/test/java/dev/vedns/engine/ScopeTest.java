package dev.vedns.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.access.Secrets;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scoped actor reaches only the replication sets all of whose servers match its globs, before and after. */
class ScopeTest {

    private static final Actor ORDERS = new Actor("orders-ci", Scope.of(List.of("orders-*")));

    private final Fleet fleet = new Fleet()
            .primary("orders-main", "10.0.1.5").replica("orders-replica", "orders-main", "10.0.1.6")
            .pair("orders-main", "orders")
            .primary("pg-main", "10.0.0.5").replica("orders-odd", "pg-main", "10.0.0.6");
    private final RoutingEngine engine = fleet.engine();

    @Test
    void aSetIsReachedOnlyWhenAllItsServersMatch() {
        Scope scope = ORDERS.scope();
        assertTrue(scope.reaches(engine.table(), "orders-main"));
        assertTrue(scope.reaches(engine.table(), "orders-replica"));
        assertFalse(scope.reaches(engine.table(), "orders-odd"), "its primary pg-main does not match");
        assertFalse(scope.reaches(engine.table(), "pg-main"));
        assertFalse(scope.reaches(engine.table(), "orders-ghost"), "a server that does not exist is reached by nobody");
        assertTrue(Scope.ALL.reaches(engine.table(), "pg-main"));
    }

    @Test
    void changesInsideTheScopeGoThroughAndOthersAreForbiddenChangingNothing() {
        engine.apply(new RoutingCommand.PatchEndpoint("orders-main", "orders", List.of("orders-main")), ORDERS);
        engine.apply(new RoutingCommand.PutServer("orders-replica-2", "AsyncReplica", "orders-main", List.of("10.0.1.7")),
                ORDERS);
        for (RoutingCommand outside : List.of(
                new RoutingCommand.PutServer("orders-replica-3", "AsyncReplica", "pg-main", List.of("10.0.0.7")),
                new RoutingCommand.PutServer("other-replica", "AsyncReplica", "orders-main", List.of("10.0.1.8")),
                new RoutingCommand.PutEndpoint("pg-main", "pgdb", "ReadWrite", null),
                new RoutingCommand.DeleteServer("orders-odd"),
                RoutingCommand.Promote.of("orders-odd", null, null),
                new RoutingCommand.ReplaceState("postgres.internal.", List.of(), List.of()),
                new RoutingCommand.CreateToken("escalated", "admin", null, null, Secrets.hash("x"), Instant.now()))) {
            var before = engine.published();
            RoutingException refusal = assertThrows(RoutingException.class, () -> engine.apply(outside, ORDERS),
                    outside.toString());
            assertEquals(RoutingException.Kind.FORBIDDEN, refusal.kind(), outside.toString());
            assertEquals("scope", refusal.errors().get(0).rule());
            assertSame(before, engine.published(), "a forbidden change publishes nothing: " + outside);
        }
    }
}

package dev.vedns.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Small helpers for driving the pure rules in tests. */
final class Rules {

    private RoutingTable table = RoutingTable.empty();

    Outcome apply(RoutingCommand command) {
        Outcome outcome = RoutingRules.apply(table, command);
        table = outcome.table();
        return outcome;
    }

    RoutingTable table() {
        return table;
    }

    Rules primary(String name, String... addresses) {
        apply(new RoutingCommand.PutServer(name, "Primary", null, List.of(addresses)));
        return this;
    }

    Rules replica(String name, String source) {
        apply(new RoutingCommand.PutServer(name, "AsyncReplica", source, List.of("10.0.1." + (name.length() + 1))));
        return this;
    }

    Rules pair(String primary, String base, String... members) {
        apply(new RoutingCommand.PutEndpoint(primary, base, "ReadWrite", members.length == 0 ? null : List.of(members)));
        return this;
    }

    /** Asserts the command is refused with that kind, and that the table is left exactly as it was. */
    RoutingException refused(RoutingException.Kind kind, RoutingCommand command) {
        RoutingTable before = table;
        RoutingException refusal = assertThrows(RoutingException.class, () -> RoutingRules.apply(before, command));
        assertEquals(kind, refusal.kind(), refusal.detail());
        assertEquals(before, table);
        return refusal;
    }

    static FieldError only(RoutingException refusal) {
        assertEquals(1, refusal.errors().size(), refusal.errors().toString());
        return refusal.errors().get(0);
    }
}

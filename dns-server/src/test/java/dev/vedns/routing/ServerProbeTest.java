package dev.vedns.routing;

import static dev.vedns.routing.RoutingException.Kind.INVALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vedns.routing.RoutingCommand.ProbeText;
import dev.vedns.routing.RoutingCommand.PutServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server's own probe: its type in any letter case, an optional port, and a change of it that moves no name. */
class ServerProbeTest {

    private final Rules rules = new Rules();

    @Test
    void aServerMayNameItsProbeAndPortInAnyLetterCase() {
        rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.5"), new ProbeText("TCP", 6432)));
        assertEquals(new ServerProbe(ProbeType.tcp, 6432), rules.table().server("pg-main").probe());
        rules.apply(new PutServer("pg-other", "Primary", null, List.of("10.0.0.6"), new ProbeText("none", null)));
        assertEquals(new ServerProbe(ProbeType.none, null), rules.table().server("pg-other").probe());
        rules.apply(new PutServer("pg-third", "Primary", null, List.of("10.0.0.7")));
        assertNull(rules.table().server("pg-third").probe(), "the configured default");
    }

    @Test
    void changingOnlyTheProbeUpdatesTheServerButKeepsTheSerial() {
        rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.5")));
        long serial = rules.serial();
        var outcome = rules.apply(new PutServer("pg-main", "Primary", null, List.of("10.0.0.5"),
                new ProbeText("postgres", 5433)));
        assertEquals(Outcome.Effect.UPDATED, outcome.effect());
        assertEquals(serial, rules.serial(), "no DNS answer changed");
    }

    @Test
    void refusesAnUnknownTypeAMissingTypeAndAPortOutOfRange() {
        assertEquals(new FieldError("probe.type", "oneOf", "probe.type 'http' is not one of: postgres, tcp, none."),
                Rules.only(rules.refused(INVALID, new PutServer("pg-main", "Primary", null, List.of("10.0.0.5"),
                        new ProbeText("http", null)))));
        assertEquals("required", Rules.only(rules.refused(INVALID, new PutServer("pg-main", "Primary", null,
                List.of("10.0.0.5"), new ProbeText(null, 5432)))).rule());
        FieldError port = Rules.only(rules.refused(INVALID, new PutServer("pg-main", "Primary", null,
                List.of("10.0.0.5"), new ProbeText("postgres", 70000))));
        assertEquals("probe.port", port.field());
        assertEquals("range", port.rule());
    }
}

package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** vedns is authoritative for its zone only: everything else is REFUSED, without AA. */
class RefusedTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @ParameterizedTest
    @ValueSource(strings = {"example.com.", ".", "internal.", "postgres.internal.example.", "xpostgres.internal."})
    void namesOutsideTheZoneAreRefused(String name) {
        Message response = ask(zone, query(name, Type.A));
        assertEquals(Rcode.REFUSED, response.getRcode());
        assertFalse(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertEquals(name, response.getQuestion().getName().toString());
    }

    @Test
    void otherClassesAreRefused() {
        for (int dclass : new int[] {DClass.CH, DClass.ANY, DClass.HS}) {
            Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("mydb.writer.postgres.internal."),
                    Type.A, dclass));
            assertEquals(Rcode.REFUSED, ask(zone, query).getRcode());
        }
    }

    @Test
    void zoneTransfersAreNotOfferedYet() {
        assertEquals(Rcode.REFUSED, ask(zone, query("postgres.internal.", Type.AXFR)).getRcode());
        assertEquals(Rcode.REFUSED, ask(zone, query("postgres.internal.", Type.IXFR)).getRcode());
    }
}

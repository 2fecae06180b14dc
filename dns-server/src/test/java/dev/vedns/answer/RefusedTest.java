package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.zone.ZoneSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedErrorCodeOption;
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
        for (int dclass : new int[] {DClass.CH, DClass.HS, DClass.NONE}) {
            Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("mydb.writer.postgres.internal."),
                    Type.A, dclass));
            assertEquals(Rcode.REFUSED, ask(zone, query).getRcode());
        }
    }

    @Test
    void zoneTransfersAreNotOfferedYet() {
        assertEquals(Rcode.NOTIMP, ask(zone, query("postgres.internal.", Type.AXFR)).getRcode(), "AXFR is TCP-only");
        assertEquals(Rcode.NOTAUTH, ask(zone, query("postgres.internal.", Type.AXFR), Transport.TCP).getRcode());
        assertEquals(Rcode.NOTAUTH, ask(zone, query("postgres.internal.", Type.IXFR)).getRcode());
        assertEquals(Rcode.NOTAUTH, ask(zone, query("example.com.", Type.IXFR), Transport.TCP).getRcode());
    }

    @Test
    void refusalsOutsideTheZoneCarryAnExtendedDnsError() {
        Message response = ask(zone, Queries.withEdns(query("example.com.", Type.A), 1232, 0, 0));
        assertEquals(Rcode.REFUSED, response.getRcode());
        ExtendedErrorCodeOption ede = (ExtendedErrorCodeOption) response.getOPT().getOptions().get(0);
        assertEquals(ExtendedErrorCodeOption.NOT_AUTHORITATIVE, ede.getErrorCode());
    }

    @Test
    void classAnyIsAnsweredAsIn() {
        Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("mydb.writer.postgres.internal."),
                Type.A, DClass.ANY));
        Message response = ask(zone, query);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(2, response.getSection(Section.ANSWER).size());
    }
}

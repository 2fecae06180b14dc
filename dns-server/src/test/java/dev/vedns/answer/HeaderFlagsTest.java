package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.zone.ZoneSnapshot;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/** RD is copied, RA is never set (no recursion here), the ID is the query's. */
class HeaderFlagsTest {

    private final ZoneSnapshot zone = Fleet.standard().engine().get();

    @Test
    void rdIsCopiedAndRaNeverSet() {
        Message withRd = query("mydb.writer.postgres.internal.", Type.A);
        Message response = ask(zone, withRd);
        assertTrue(response.getHeader().getFlag(Flags.RD));
        assertFalse(response.getHeader().getFlag(Flags.RA));
        assertEquals(withRd.getHeader().getID(), response.getHeader().getID());

        Message withoutRd = query("mydb.writer.postgres.internal.", Type.A);
        withoutRd.getHeader().unsetFlag(Flags.RD);
        Message plain = ask(zone, withoutRd);
        assertFalse(plain.getHeader().getFlag(Flags.RD));
        assertFalse(plain.getHeader().getFlag(Flags.RA));
    }

    @Test
    void adAndCdAreNotSetInAnswers() {
        Message query = query("mydb.writer.postgres.internal.", Type.A);
        query.getHeader().setFlag(Flags.AD);
        query.getHeader().setFlag(Flags.CD);
        Message response = ask(zone, query);
        assertFalse(response.getHeader().getFlag(Flags.AD));
        assertFalse(response.getHeader().getFlag(Flags.CD));
    }
}

package dev.vedns.transport;

import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Once apply returns, the very next query sees the change, with a higher serial; a refusal changes nothing. */
class SnapshotSwapTest {

    @Test
    void theNextQueryAfterApplySeesTheChange() throws Exception {
        try (RunningServer dns = new RunningServer()) {
            long serial = soaSerial(dns);
            dns.engine().apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-main")));
            assertEquals("pg-main.postgres.internal.", readerTarget(dns));
            long next = soaSerial(dns);
            assertEquals(serial + 1, next);

            assertThrowsRefusal(dns);
            assertEquals(next, soaSerial(dns));

            dns.engine().apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-main")));
            assertEquals(next, soaSerial(dns), "a change that changes nothing keeps the serial");

            dns.engine().apply(new RoutingCommand.DeleteEndpoint("pg-main", "mydb"));
            assertEquals(Rcode.NXDOMAIN, dns.tcp(query("mydb.reader.postgres.internal.", Type.A)).getRcode());
            assertTrue(soaSerial(dns) > next);
        }
    }

    private static void assertThrowsRefusal(RunningServer dns) {
        try {
            dns.engine().apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", List.of("pg-ghost")));
        } catch (RoutingException expected) {
            return;
        }
        throw new AssertionError("retargeting to an unknown server must be refused");
    }

    private static String readerTarget(RunningServer dns) throws Exception {
        Message response = dns.udp(query("mydb.reader.postgres.internal.", Type.CNAME));
        return ((CNAMERecord) response.getSection(Section.ANSWER).get(0)).getTarget().toString();
    }

    private static long soaSerial(RunningServer dns) throws Exception {
        return ((SOARecord) dns.udp(query("postgres.internal.", Type.SOA)).getSection(Section.ANSWER).get(0)).getSerial();
    }
}

package dev.vedns.answer;

import static dev.vedns.Queries.ask;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.MemoryChangeLog;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingRules;
import dev.vedns.zone.NameServer;
import dev.vedns.zone.ZoneSettings;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The apex NS RRset as configured: each name server, with the addresses of those inside the zone as glue. */
class NameServersTest {

    private static final Name ZONE = Fleet.ZONE;

    private static ZoneSettings settings(List<NameServer> servers) {
        ZoneSettings base = Fleet.settings();
        return new ZoneSettings(ZONE, base.hostmaster(), servers, base.endpointTtl(), base.poolTtl(), base.serverTtl(),
                base.negativeTtl(), base.apexTtl(), base.refresh(), base.retry(), base.expire());
    }

    @Test
    void everyNameServerIsInTheNsRrsetAndThoseInsideTheZoneHaveTheirAddresses() throws Exception {
        ZoneSettings settings = settings(List.of(
                new NameServer(Name.fromConstantString("ns1.postgres.internal."),
                        List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1"))),
                new NameServer(Name.fromConstantString("ns2.postgres.internal."), List.of(InetAddress.getByName("192.0.2.2"))),
                new NameServer(Name.fromConstantString("ns.example.net."), List.of())));
        RoutingEngine engine = new RoutingEngine(settings, new Loaded(DurableState.fresh(1), 0), 10, new MemoryChangeLog(),
                1000, RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        Message answer = ask(engine.get(), query("postgres.internal.", Type.NS));
        assertEquals(List.of("ns.example.net.", "ns1.postgres.internal.", "ns2.postgres.internal."),
                answer.getSection(Section.ANSWER).stream().map(Record::rdataToString).sorted().toList());
        assertEquals(List.of("192.0.2.1", "192.0.2.2", "2001:db8:0:0:0:0:0:1"),
                answer.getSection(Section.ADDITIONAL).stream().map(Record::rdataToString).sorted().toList());
        SOARecord soa = (SOARecord) ask(engine.get(), query("postgres.internal.", Type.SOA))
                .getSection(Section.ANSWER).get(0);
        assertEquals(Name.fromConstantString("ns1.postgres.internal."), soa.getHost(), "the first is the MNAME");
    }

    @Test
    void aNameServerInsideTheZoneNeedsAddressesAndAKeptLabelAndOneOutsideNone() throws Exception {
        InetAddress address = InetAddress.getByName("192.0.2.1");
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(
                new NameServer(Name.fromConstantString("ns1.postgres.internal."), List.of()))));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(
                new NameServer(Name.fromConstantString("dns.postgres.internal."), List.of(address)))));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> settings(List.of(
                new NameServer(Name.fromConstantString("ns.example.net."), List.of(address)))));
        assertTrue(outside.getMessage().contains("outside the zone"), outside.getMessage());
    }
}

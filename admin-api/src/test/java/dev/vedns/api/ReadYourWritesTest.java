package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** After every 2xx the very next DNS query, over UDP and TCP, already answers from the new state. No sleeps. */
@MicronautTest
class ReadYourWritesTest {

    @Inject
    VednsUnderTest vedns;

    @Test
    void eachChangeIsVisibleAtOnceWithAHigherSerial() throws Exception {
        Api api = vedns.api();
        Dns dns = vedns.dns();
        long serial = dns.serial();

        expect(201, api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
        assertEquals(List.of("pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), dns.answer("pg-main.postgres.internal.", Type.A));
        serial = increased(dns, serial);

        expect(201, api.put("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}"));
        assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), dns.answer("mydb.reader.postgres.internal.", Type.A));
        serial = increased(dns, serial);

        for (int i = 1; i <= 20; i++) {
            String replica = "pg-replica-" + i;
            expect(201, api.put("/api/v1/servers/" + replica, "{\"replicationRole\":\"AsyncReplica\","
                    + "\"sourceServerName\":\"pg-main\",\"addresses\":[\"10.0.1." + i + "\"]}"));
            expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"" + replica + "\"]}"));
            assertEquals(List.of("mydb.reader.postgres.internal.\t5\tIN\tCNAME\t" + replica + ".postgres.internal.",
                    replica + ".postgres.internal.\t30\tIN\tA\t10.0.1." + i), dns.answer("mydb.reader.postgres.internal.", Type.A));
            serial = increased(dns, serial);
        }

        expect(200, api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.50\"]}"));
        assertEquals(List.of("mydb.writer.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.50"), dns.answer("mydb.writer.postgres.internal.", Type.A));
        serial = increased(dns, serial);

        expect(204, api.delete("/api/v1/servers/pg-replica-20"));
        assertEquals("mydb.reader.postgres.internal.\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                dns.answer("mydb.reader.postgres.internal.", Type.A).get(0));
        serial = increased(dns, serial);

        expect(204, api.delete("/api/v1/servers/pg-main/virtual-endpoints/mydb"));
        assertEquals(Rcode.NXDOMAIN, dns.tcp("mydb.writer.postgres.internal.", Type.A).getRcode());
        assertEquals(Rcode.NXDOMAIN, dns.udp("mydb.reader.postgres.internal.", Type.A).getRcode());
        increased(dns, serial);
    }

    private static long increased(Dns dns, long before) throws Exception {
        long now = dns.serial();
        assertTrue(now > before, "serial " + now + " after " + before);
        return now;
    }
}

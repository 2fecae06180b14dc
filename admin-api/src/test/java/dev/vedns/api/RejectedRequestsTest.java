package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** A rejected request changes nothing: not the API state, not a DNS answer, not the serial. */
@MicronautTest
class RejectedRequestsTest {

    @Inject
    VednsUnderTest vedns;

    @Test
    void everyRefusalLeavesStateAndDnsAsTheyWere() throws Exception {
        Api api = vedns.api();
        Dns dns = vedns.dns();
        api.standardFleet();
        String state = expect(200, api.get("/api/v1/servers")).body();
        List<String> answers = dnsView(dns);
        long serial = dns.serial();

        List<Api.Reply> refusals = List.of(
                api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-x\",\"addresses\":[\"10.9.9.9\"]}"),
                api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.9.9.9\",\"bad\"]}"),
                api.put("/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.9.9.9\"],\"x\":1}"),
                api.put("/api/v1/servers/pg-new", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-replica-1\",\"addresses\":[\"10.9.9.9\"]}"),
                api.put("/api/v1/servers/mydb", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.9.9.9\"]}"),
                api.delete("/api/v1/servers/pg-main"),
                api.delete("/api/v1/servers/pg-ghost"),
                api.put("/api/v1/servers/pg-main/virtual-endpoints/mydb2", "{\"endpointType\":\"ReadWrite\"}"),
                api.put("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\",\"members\":[\"pg-ghost\"]}"),
                api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\",\"pg-main\"]}"),
                api.patch("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"),
                api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":"),
                api.delete("/api/v1/servers/pg-replica-1/virtual-endpoints/mydb"));
        for (Api.Reply refusal : refusals) {
            assertTrue(refusal.status() >= 400 && refusal.status() < 500, refusal.body());
        }

        assertEquals(state, expect(200, api.get("/api/v1/servers")).body());
        assertEquals(answers, dnsView(dns));
        assertEquals(serial, dns.serial());
    }

    private static List<String> dnsView(Dns dns) throws Exception {
        List<String> view = new ArrayList<>();
        for (String name : List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
                "pg-main.postgres.internal.", "pg-replica-1.postgres.internal.", "mydb.postgres.internal.",
                "pg-new.postgres.internal.", "mydb2.writer.postgres.internal.")) {
            view.addAll(dns.answer(name, Type.ANY));
            view.add(name + " rcode " + dns.udp(name, Type.A).getRcode());
        }
        return view;
    }
}

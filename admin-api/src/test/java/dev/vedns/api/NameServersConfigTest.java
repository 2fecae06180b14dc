package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.Type;

/** {@code vedns.ns} sets the apex NS RRset: a name server inside the zone with its addresses, one outside. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameServersConfigTest implements TestPropertyProvider {

    @Inject
    VednsUnderTest vedns;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("vedns.ns[0].name", "ns2", "vedns.ns[0].addresses[0]", "192.0.2.53",
                "vedns.ns[1].name", "ns.example.net.");
    }

    @Test
    void theConfiguredNameServersAreTheApexNsAndTheFirstTheSoasMname() throws Exception {
        assertEquals(List.of("postgres.internal.\t3600\tIN\tNS\tns.example.net.",
                "postgres.internal.\t3600\tIN\tNS\tns2.postgres.internal."),
                vedns.dns().answer("postgres.internal.", Type.NS).stream().sorted().toList());
        assertEquals(List.of("ns2.postgres.internal.\t3600\tIN\tA\t192.0.2.53"),
                vedns.dns().answer("ns2.postgres.internal.", Type.A));
        assertEquals("ns2.postgres.internal.", vedns.dns().answer("postgres.internal.", Type.SOA).get(0)
                .split("\t")[4].split(" ")[0]);
    }
}

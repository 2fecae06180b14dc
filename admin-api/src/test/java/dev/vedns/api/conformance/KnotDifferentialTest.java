package dev.vedns.api.conformance;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.api.Api;
import dev.vedns.api.VednsUnderTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vedns against Knot DNS, query by query: both serve the same zone (vedns's own export), both get the same
 * corpus over UDP and TCP, both transfer the same RR sets by AXFR (signed: both refuse unsigned transfers),
 * and every difference in rcode, flags, question or sections fails the test unless
 * {@link Allowances#KNOT} names it with the RFC section that permits it.
 */
@MicronautTest
@Property(name = "vedns.transfer.allow[0]", value = "127.0.0.0/8")
@Property(name = "vedns.transfer.tsig-keys[0].name", value = Axfr.KEY)
@Property(name = "vedns.transfer.tsig-keys[0].algorithm", value = "hmac-sha256")
@Property(name = "vedns.transfer.tsig-keys[0].secret", value = Axfr.SECRET)
class KnotDifferentialTest {

    @Inject
    VednsUnderTest vedns;

    @TempDir
    Path knotDirectory;

    @Test
    void vednsAnswersAsKnotDoes() throws Exception {
        buildFleet(vedns.api());
        String zoneFile = expect(200, vedns.api().get("/api/v1/zone")).body();
        Set<String> owners = new TreeSet<>();
        for (String line : zoneFile.split("\n")) {
            if (!line.isBlank() && !line.startsWith(";") && !line.startsWith("$")) {
                owners.add(line.split("\t")[0]);
            }
        }
        List<Probe> corpus = QueryCorpus.build("postgres.internal.", owners);
        assertTrue(corpus.size() >= 2000, "the corpus has only " + corpus.size() + " queries");

        List<String> failures = new ArrayList<>();
        Map<String, Integer> allowed = new LinkedHashMap<>();
        // A pooled reader answers its members in turn; a zone file holds one CNAME per name, so each member gets a
        // Knot of its own, and vedns's answer must be one of theirs.
        List<String> variants = ZoneVariants.oneMemberEach(zoneFile);
        assertTrue(variants.size() > 1, "the fleet has no pool");
        List<KnotServer> knots = new ArrayList<>();
        try {
            for (int i = 0; i < variants.size(); i++) {
                knots.add(new KnotServer(knotDirectory.resolve("member-" + i), "postgres.internal.", variants.get(i),
                        Axfr.KEY, Axfr.SECRET));
            }
            failures.addAll(differences(corpus, vedns.listener().udpAddress().getPort(),
                    knots.stream().map(knot -> knot.port).toList(), Allowances.KNOT, allowed));
            // AXFR itself, as RR sets: vedns transfers a pool as its first member, as the exported file holds it.
            assertEquals(Axfr.of("postgres.internal.", knots.get(0).port),
                    Axfr.of("postgres.internal.", vedns.listener().tcpAddress().getPort()));
        } finally {
            for (KnotServer knot : knots) {
                knot.close();
            }
        }
        // Every difference in full, for reading when the test fails.
        java.nio.file.Files.writeString(Path.of("target", "knot-differences.txt"), String.join("\n\n", failures));
        System.out.println("Knot differential: compared " + corpus.size() + " queries; allowed differences "
                + allowed.values().stream().mapToInt(Integer::intValue).sum() + " " + allowed + "; failures "
                + failures.size());
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 15)),
                failures.size() + " differences from Knot");
    }

    /**
     * Every query of the corpus whose answer from vedns is none of the other servers' answers (on {@code ports}),
     * unless one of the {@code allowances} names the difference; a pooled name is asked twice, for it answers its
     * members in turn.
     */
    static List<String> differences(List<Probe> corpus, int vednsPort, List<Integer> ports,
                                    List<Allowances.Allowance> allowances, Map<String, Integer> allowed)
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (Probe probe : corpus) {
            List<String> answers = new ArrayList<>();
            for (int port : ports) {
                answers.add(Normalized.of(Exchange.send(port, probe)));
            }
            String ours = Normalized.of(Exchange.send(vednsPort, probe));
            if (!answers.contains(ours)) {
                ours = Normalized.of(Exchange.send(vednsPort, probe));
            }
            String theirs = answers.contains(ours) ? ours : answers.get(0);
            if (ours.equals(theirs)) {
                continue;
            }
            String answer = ours;
            if (allowances.stream().anyMatch(allowance -> allowance.covers(probe.kind())
                    && allowance.shape().test(answer, theirs))) {
                allowed.merge(probe.kind(), 1, Integer::sum);
            } else {
                failures.add("[" + probe.kind() + "] " + probe.label() + "\n--- vedns:\n" + ours + "\n--- peer:\n"
                        + theirs);
            }
        }
        return failures;
    }

    /** Several replication sets, IPv4 and IPv6, pairs with retargeted readers, a pool, a promotion, a large RRset. */
    static void buildFleet(Api api) {
        api.standardFleet();
        put(api, "/api/v1/servers/pg-replica-2", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-main\","
                + "\"addresses\":[\"10.0.0.7\",\"fd00::7\"]}");
        expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-replica-2\"]}"));
        put(api, "/api/v1/servers/pg-orders", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.1.5\",\"fd00::1:5\"]}");
        put(api, "/api/v1/servers/pg-orders/virtual-endpoints/orders", "{\"endpointType\":\"ReadWrite\"}");
        put(api, "/api/v1/servers/pg-c", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.2.5\"]}");
        put(api, "/api/v1/servers/pg-c-r", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-c\","
                + "\"addresses\":[\"fd00::2:6\"]}");
        put(api, "/api/v1/servers/pg-c/virtual-endpoints/cdb", "{\"endpointType\":\"ReadWrite\"}");
        expect(200, api.exchange(HttpRequest.POST("/api/v1/servers/pg-c-r/promote", "{}").contentType("application/json")));
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            many.append(i == 1 ? "" : ",").append("\"fd00::9:").append(Integer.toHexString(i)).append('"');
        }
        put(api, "/api/v1/servers/pg-big", "{\"replicationRole\":\"Primary\",\"addresses\":[" + many + "]}");
        put(api, "/api/v1/servers/pg-big/virtual-endpoints/big", "{\"endpointType\":\"ReadWrite\"}");
        api.replicationSet("pg-pool", "10.0.3.5", "pg-pool-r1", List.of("10.0.3.6"), "pooldb");
        put(api, "/api/v1/servers/pg-pool-r2", "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\"pg-pool\","
                + "\"addresses\":[\"fd00::3:7\"]}");
        expect(200, api.patch("/api/v1/servers/pg-pool/virtual-endpoints/pooldb",
                "{\"members\":[\"pg-pool-r1\",\"pg-pool-r2\"]}"));
        put(api, "/api/v1/servers/pg-pool/custom-endpoints/poolro", "{\"type\":\"Reader\",\"excludedMembers\":[]}");
        put(api, "/api/v1/servers/pg-main/custom-endpoints/mainall", "{\"type\":\"Any\",\"members\":[\"pg-main\"]}");
    }

    private static void put(Api api, String path, String json) {
        expect(201, api.put(path, json));
    }
}

package dev.vedns.api.conformance;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.api.VednsProcess;
import dev.vedns.api.VednsUnderTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * vedns as the hidden primary of a real Knot DNS secondary, on loopback ports, with a TSIG key: after its first
 * transfer Knot answers the Knot differential's whole corpus as vedns does; a secondary with the wrong key gets
 * nothing and says so in its log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnotSecondaryTest implements TestPropertyProvider {

    private static final String KEY = "xfr-key.";
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";

    @Inject
    VednsUnderTest vedns;

    /** The port the secondary will listen on, known before vedns starts so that vedns can NOTIFY it. */
    private final int secondaryPort = freePort();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("vedns.transfer.allow[0]", "127.0.0.0/8", "vedns.transfer.tsig-keys[0].name", KEY,
                "vedns.transfer.tsig-keys[0].algorithm", "hmac-sha256", "vedns.transfer.tsig-keys[0].secret", SECRET,
                "vedns.notify.targets[0]", "127.0.0.1:" + secondaryPort, "vedns.notify.retry", "1s");
    }

    private static int freePort() {
        try {
            return KnotServer.freePort();
        } catch (IOException none) {
            throw new UncheckedIOException(none);
        }
    }

    @Test
    void aKnotSecondaryTransfersTheZoneAndAnswersItAsVednsDoes() throws Exception {
        KnotDifferentialTest.buildFleet(vedns.api());
        Path directory = Files.createTempDirectory("vedns-knot-secondary-");
        int primary = vedns.listener().tcpAddress().getPort();
        long started = System.nanoTime();
        try (KnotServer secondary = KnotServer.secondary(secondaryPort, directory, "postgres.internal.", primary, KEY,
                SECRET)) {
            awaitSerial(secondary, vedns.dns().serial(), Duration.ofSeconds(20));
            System.out.printf("Knot secondary: zone transferred and served %d ms after knotd started%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertTrue(secondary.log().contains("AXFR, incoming"), secondary.log());

            String zoneFile = expect(200, vedns.api().get("/api/v1/zone")).body();
            Set<String> owners = new TreeSet<>();
            for (String line : zoneFile.split("\n")) {
                if (!line.isBlank() && !line.startsWith(";") && !line.startsWith("$")) {
                    owners.add(line.split("\t")[0]);
                }
            }
            List<Probe> corpus = QueryCorpus.build("postgres.internal.", owners);
            Map<String, Integer> allowed = new LinkedHashMap<>();
            List<String> failures = KnotDifferentialTest.differences(corpus, vedns.listener().udpAddress().getPort(),
                    List.of(secondary), allowed);
            assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)),
                    failures.size() + " differences between vedns and its Knot secondary");

            // A change through the API reaches the secondary by NOTIFY, well before its REFRESH.
            long changed = System.nanoTime();
            expect(200, vedns.api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                    "{\"members\":[\"pg-main\"]}"));
            awaitSerial(secondary, vedns.dns().serial(), Duration.ofSeconds(10));
            long delay = (System.nanoTime() - changed) / 1_000_000;
            assertEquals("pg-main.postgres.internal.", cname(secondary.port, "mydb.reader.postgres.internal."));
            System.out.printf("Knot secondary: an API change answered by the secondary %d ms later (NOTIFY, then"
                    + " a transfer)%n", delay);
            assertTrue(delay < 1000, "the change took " + delay + " ms to reach the secondary:\n" + secondary.log());
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    @Test
    void aSecondaryWithTheWrongKeyGetsNothingAndSaysSo() throws Exception {
        Path directory = Files.createTempDirectory("vedns-knot-wrong-key-");
        int primary = vedns.listener().tcpAddress().getPort();
        try (KnotServer secondary = KnotServer.secondary(KnotServer.freePort(), directory, "postgres.internal.", primary,
                KEY, "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!secondary.log().contains("failed") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(secondary.log().contains("failed"), secondary.log());
            assertEquals(-1, serial(secondary), "no copy of the zone");
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    private static void awaitSerial(KnotServer secondary, long serial, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (serial(secondary) != serial) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the secondary did not reach serial " + serial + ":\n" + secondary.log());
            }
            Thread.sleep(50);
        }
    }

    private static String cname(int port, String name) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.CNAME, DClass.IN)))
                .getSection(Section.ANSWER).get(0).rdataToString();
    }

    /** The serial the secondary answers, or -1 while it has no zone. */
    private static long serial(KnotServer secondary) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", secondary.port));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString("postgres.internal."),
                Type.SOA, DClass.IN)));
        List<Record> records = answer.getSection(Section.ANSWER);
        return records.isEmpty() ? -1 : ((SOARecord) records.get(0)).getSerial();
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
 * vedns as the hidden primary of real Knot, NSD and BIND secondaries, on loopback ports, with a TSIG key: after
 * its first transfer each secondary answers the Knot differential's whole corpus as vedns does (each server's own
 * choices aside, as {@link Allowances} lists them with their RFCs); each of a few API changes reaches each secondary
 * by NOTIFY within 1 s (the delays are printed); a secondary with the wrong key gets nothing and says so, and one
 * whose key no longer matches keeps its copy.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondariesTest implements TestPropertyProvider {

    private static final String ZONE = "postgres.internal.";
    private static final String KEY = Axfr.KEY;
    private static final String WRONG_SECRET = "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=";
    private static final int CHANGES = 5;
    private static final String SECRET = Axfr.SECRET;

    /** A started secondary: the process to stop, its port, what it has logged, what it logs for a transfer. */
    private record Started(AutoCloseable process, int port, Callable<String> log, String transferred) {
    }

    /** Starts one kind of secondary on a port, in a directory, for the primary's port. */
    private interface Kind {
        Started start(int port, Path directory, int primary) throws Exception;
    }

    @Inject
    VednsUnderTest vedns;

    /** The ports the secondaries will listen on, known before vedns starts so that vedns can NOTIFY them. */
    private final int knotPort = freePort();
    private final int nsdPort = freePort();
    private final int bindPort = freePort();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(Map.of("vedns.transfer.allow[0]", "127.0.0.1/32",
                "vedns.transfer.tsig-keys[0].name", KEY, "vedns.transfer.tsig-keys[0].algorithm", "hmac-sha256",
                "vedns.transfer.tsig-keys[0].secret", SECRET, "vedns.notify.retry", "1s"));
        properties.put("vedns.notify.targets[0]", "127.0.0.1:" + knotPort);
        properties.put("vedns.notify.targets[1]", "127.0.0.1:" + nsdPort);
        properties.put("vedns.notify.targets[2]", "127.0.0.1:" + bindPort);
        return properties;
    }

    @Test
    void aKnotSecondaryTransfersTheZoneAnswersItAsVednsDoesAndFollowsAChange() throws Exception {
        followsVedns("knot", knotPort, Allowances.KNOT, (port, directory, primary) -> {
            KnotServer knot = KnotServer.secondary(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(knot, port, knot::log, "AXFR, incoming, remote 127.0.0.1@" + primary);
        });
    }

    @Test
    void anNsdSecondaryDoesTheSame() throws Exception {
        followsVedns("nsd", nsdPort, Allowances.NSD, (port, directory, primary) -> {
            Secondary nsd = Secondary.nsd(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(nsd, port, nsd::log, "TSIG verified with key " + KEY);
        });
    }

    @Test
    void aBindSecondaryDoesTheSame() throws Exception {
        followsVedns("bind", bindPort, Allowances.BIND, (port, directory, primary) -> {
            Secondary bind = Secondary.bind(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(bind, port, bind::log, "Transfer status: success");
        });
    }

    @Test
    void aSecondaryWithTheWrongKeyGetsNothingAndSaysSo() throws Exception {
        Path directory = Files.createTempDirectory("vedns-knot-wrong-key-");
        int primary = vedns.listener().tcpAddress().getPort();
        try (KnotServer secondary = KnotServer.secondary(KnotServer.freePort(), directory, ZONE, primary, KEY,
                WRONG_SECRET)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!secondary.log().contains("failed") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(secondary.log().contains("failed"), secondary.log());
            assertEquals(-1, serial(secondary.port), "no copy of the zone");
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    /** A refused refresh: the key the secondary signs with (null: none), and the address it asks from. */
    private record Refusal(String what, String secret, String via) {
    }

    @Test
    void aSecondaryRefusedItsRefreshKeepsItsCopyAndSaysSo() throws Exception {
        if (expect(200, vedns.api().get("/api/v1/servers")).jsonList().isEmpty()) {
            KnotDifferentialTest.buildFleet(vedns.api());
        }
        int primary = vedns.listener().tcpAddress().getPort();
        for (Refusal refusal : List.of(new Refusal("a key that no longer matches", WRONG_SECRET, null),
                new Refusal("no key, while one is required", null, null),
                new Refusal("an address outside vedns.transfer.allow", SECRET, "127.0.0.2"))) {
            Path directory = Files.createTempDirectory("vedns-knot-old-copy-");
            int port = KnotServer.freePort();
            long copied = vedns.dns().serial();
            try {
                try (KnotServer secondary = KnotServer.secondary(port, directory, ZONE, primary, KEY, SECRET)) {
                    awaitSerial(new Started(secondary, port, secondary::log, ""), copied, Duration.ofSeconds(20));
                }
                try (KnotServer secondary = KnotServer.secondary(port, directory, ZONE, primary, KEY,
                        refusal.secret(), refusal.via())) {
                    String reader = cname(vedns.listener().udpAddress().getPort(), "mydb.reader.postgres.internal.");
                    String other = reader.startsWith("pg-main.") ? "pg-replica-2" : "pg-main";
                    expect(200, vedns.api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                            "{\"members\":[\"" + other + "\"]}"));
                    secondary.refresh(ZONE);
                    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                    while (!secondary.log().contains("failed") && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertTrue(secondary.log().contains("failed"), refusal.what() + ":\n" + secondary.log());
                    assertEquals(copied, serial(port), refusal.what() + ": the secondary still serves its copy");
                    assertEquals(reader, cname(port, "mydb.reader.postgres.internal."), refusal.what());
                }
            } finally {
                VednsProcess.deleteTree(directory);
            }
        }
    }

    /** @param allowances where the secondary may answer a query of the differential's corpus otherwise */
    private void followsVedns(String name, int port, List<Allowances.Allowance> allowances, Kind kind)
            throws Exception {
        if (expect(200, vedns.api().get("/api/v1/servers")).jsonList().isEmpty()) {
            KnotDifferentialTest.buildFleet(vedns.api());
        }
        Path directory = Files.createTempDirectory("vedns-" + name + "-secondary-");
        int primary = vedns.listener().tcpAddress().getPort();
        long started = System.nanoTime();
        Started secondary = kind.start(port, directory, primary);
        try (AutoCloseable process = secondary.process()) {
            awaitSerial(secondary, vedns.dns().serial(), Duration.ofSeconds(20));
            System.out.printf("%s secondary: zone transferred and served %d ms after it started%n", name,
                    (System.nanoTime() - started) / 1_000_000);

            String zoneFile = expect(200, vedns.api().get("/api/v1/zone")).body();
            Set<String> owners = new TreeSet<>();
            for (String line : zoneFile.split("\n")) {
                if (!line.isBlank() && !line.startsWith(";") && !line.startsWith("$")) {
                    owners.add(line.split("\t")[0]);
                }
            }
            int vednsPort = vedns.listener().udpAddress().getPort();
            Map<String, Integer> allowed = new LinkedHashMap<>();
            List<Probe> corpus = QueryCorpus.build(ZONE, owners);
            List<String> failures = KnotDifferentialTest.differences(corpus, vednsPort, List.of(secondary.port()),
                    allowances, allowed);
            Files.writeString(Path.of("target", name + "-secondary-differences.txt"), String.join("\n\n", failures));
            System.out.printf("%s secondary: compared %d queries; allowed differences %s; failures %d%n", name,
                    corpus.size(), allowed, failures.size());
            assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)),
                    failures.size() + " differences between vedns and its " + name + " secondary");

            assertTrue(secondary.log().call().contains(secondary.transferred()), "the " + name + " secondary logs"
                    + " its transfer as '" + secondary.transferred() + "':\n" + secondary.log().call());

            // Each change through the API reaches the secondary by NOTIFY, well before its REFRESH: within 1 s.
            List<Long> delays = new ArrayList<>();
            for (int change = 0; change < CHANGES; change++) {
                String reader = cname(vednsPort, "mydb.reader.postgres.internal.");
                String other = (reader.startsWith("pg-main.") ? "pg-replica-2" : "pg-main") + ".postgres.internal.";
                long changed = System.nanoTime();
                expect(200, vedns.api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                        "{\"members\":[\"" + other.substring(0, other.indexOf('.')) + "\"]}"));
                delays.add(awaitAnswer(secondary, "mydb.reader.postgres.internal.", other, changed));
            }
            System.out.printf("%s secondary: each of %d API changes answered by the secondary after %s ms (NOTIFY,"
                    + " its SOA query, the transfer)%n", name, CHANGES, delays);
            assertTrue(delays.stream().allMatch(delay -> delay < 1000), name + ": " + delays + " ms:\n"
                    + secondary.log().call());
            assertEquals(vedns.dns().serial(), serial(secondary.port()));
            if (name.equals("knot")) {
                // AXFR itself, compared as RR sets: vedns's against Knot's of the copy it transferred.
                assertEquals(Axfr.of(ZONE, vedns.listener().tcpAddress().getPort()), Axfr.of(ZONE, secondary.port()));
                String log = secondary.log().call();
                assertTrue(log.contains("IXFR, incoming") && log.contains("finished"), "the change came by IXFR:\n"
                        + log);
                assertTrue(!log.contains("fallback to AXFR"), log);
                String metrics = expect(200, vedns.api().get("/metrics")).body();
                assertTrue(metrics.contains("vedns_transfers_total{result=\"incremental\",type=\"ixfr\"}"), metrics);
                assertTrue(metrics.contains("vedns_notify_total{result=\"answered\",target=\"127.0.0.1:" + port
                        + "\"}"), metrics);
            }
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    /** Milliseconds from {@code since} until the secondary answers {@code name} with the CNAME {@code target}. */
    private static long awaitAnswer(Started secondary, String name, String target, long since) throws Exception {
        long deadline = since + Duration.ofSeconds(10).toNanos();
        while (!target.equals(cname(secondary.port(), name))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the secondary did not answer " + name + " with " + target + ":\n"
                        + secondary.log().call());
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void awaitSerial(Started secondary, long serial, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (serial(secondary.port()) != serial) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the secondary did not reach serial " + serial + ":\n" + secondary.log().call());
            }
            Thread.sleep(50);
        }
    }

    private static String cname(int port, String name) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.CNAME, DClass.IN)))
                .getSection(Section.ANSWER).get(0).rdataToString();
    }

    /** The serial the server on {@code port} answers, or -1 while it has no zone (or does not answer yet). */
    private static long serial(int port) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(ZONE), Type.SOA,
                    DClass.IN)));
        } catch (IOException notYet) {
            return -1;
        }
        List<Record> records = answer.getSection(Section.ANSWER);
        return records.isEmpty() ? -1 : ((SOARecord) records.get(0)).getSerial();
    }

    private static int freePort() {
        try {
            return KnotServer.freePort();
        } catch (IOException none) {
            throw new UncheckedIOException(none);
        }
    }
}

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
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * vedns as the hidden primary of real Knot, NSD and BIND secondaries, on loopback ports, with a TSIG key: after
 * its first transfer Knot answers the Knot differential's whole corpus as vedns does, and NSD and BIND answer
 * every name's RRsets as vedns does (their own choices of authority and additional sections, which the
 * differential's allow-list was not written for, aside); an API change reaches each by NOTIFY (the delays are
 * printed, tens to hundreds of milliseconds; 3 s is asserted, for a loaded machine); a secondary with the wrong
 * key gets nothing and says so.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondariesTest implements TestPropertyProvider {

    private static final String ZONE = "postgres.internal.";
    private static final String KEY = "xfr-key.";
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";

    /** A started secondary: the process to stop, its port, what it has logged. */
    private record Started(AutoCloseable process, int port, Callable<String> log) {
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
        Map<String, String> properties = new HashMap<>(Map.of("vedns.transfer.allow[0]", "127.0.0.0/8",
                "vedns.transfer.tsig-keys[0].name", KEY, "vedns.transfer.tsig-keys[0].algorithm", "hmac-sha256",
                "vedns.transfer.tsig-keys[0].secret", SECRET, "vedns.notify.retry", "1s"));
        properties.put("vedns.notify.targets[0]", "127.0.0.1:" + knotPort);
        properties.put("vedns.notify.targets[1]", "127.0.0.1:" + nsdPort);
        properties.put("vedns.notify.targets[2]", "127.0.0.1:" + bindPort);
        return properties;
    }

    @Test
    void aKnotSecondaryTransfersTheZoneAnswersItAsVednsDoesAndFollowsAChange() throws Exception {
        followsVedns("knot", knotPort, true, (port, directory, primary) -> {
            KnotServer knot = KnotServer.secondary(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(knot, port, knot::log);
        });
    }

    @Test
    void anNsdSecondaryDoesTheSame() throws Exception {
        followsVedns("nsd", nsdPort, false, (port, directory, primary) -> {
            Secondary nsd = Secondary.nsd(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(nsd, port, nsd::log);
        });
    }

    @Test
    void aBindSecondaryDoesTheSame() throws Exception {
        followsVedns("bind", bindPort, false, (port, directory, primary) -> {
            Secondary bind = Secondary.bind(port, directory, ZONE, primary, KEY, SECRET);
            return new Started(bind, port, bind::log);
        });
    }

    @Test
    void aSecondaryWithTheWrongKeyGetsNothingAndSaysSo() throws Exception {
        Path directory = Files.createTempDirectory("vedns-knot-wrong-key-");
        int primary = vedns.listener().tcpAddress().getPort();
        try (KnotServer secondary = KnotServer.secondary(KnotServer.freePort(), directory, ZONE, primary, KEY,
                "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=")) {
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

    @Test
    void aSecondaryWhoseKeyNoLongerMatchesKeepsItsCopyAndSaysSo() throws Exception {
        if (expect(200, vedns.api().get("/api/v1/servers")).jsonList().isEmpty()) {
            KnotDifferentialTest.buildFleet(vedns.api());
        }
        Path directory = Files.createTempDirectory("vedns-knot-old-copy-");
        int primary = vedns.listener().tcpAddress().getPort();
        int port = KnotServer.freePort();
        long copied = vedns.dns().serial();
        try {
            try (KnotServer secondary = KnotServer.secondary(port, directory, ZONE, primary, KEY, SECRET)) {
                awaitSerial(new Started(secondary, port, secondary::log), copied, Duration.ofSeconds(20));
            }
            try (KnotServer secondary = KnotServer.secondary(port, directory, ZONE, primary, KEY,
                    "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=")) {
                expect(200, vedns.api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                        "{\"members\":[\"pg-main\"]}"));
                secondary.refresh(ZONE);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!secondary.log().contains("failed") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(secondary.log().contains("failed"), secondary.log());
                assertEquals(copied, serial(port), "the secondary still serves the copy it had");
            }
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    /** @param wholeCorpus compare every query of the differential's corpus, or every name's RRsets only */
    private void followsVedns(String name, int port, boolean wholeCorpus, Kind kind) throws Exception {
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
            List<String> failures = wholeCorpus
                    ? KnotDifferentialTest.differences(QueryCorpus.build(ZONE, owners), vednsPort,
                    List.of(secondary.port()), new LinkedHashMap<>())
                    : dataDifferences(owners, vednsPort, secondary.port());
            assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)),
                    failures.size() + " differences between vedns and its " + name + " secondary");

            // A change through the API reaches the secondary by NOTIFY, well before its REFRESH.
            String reader = cname(vedns.listener().udpAddress().getPort(), "mydb.reader.postgres.internal.");
            String other = reader.startsWith("pg-main.") ? "pg-replica-2" : "pg-main";
            long changed = System.nanoTime();
            expect(200, vedns.api().patch("/api/v1/servers/pg-main/virtual-endpoints/mydb",
                    "{\"members\":[\"" + other + "\"]}"));
            awaitSerial(secondary, vedns.dns().serial(), Duration.ofSeconds(10));
            long delay = (System.nanoTime() - changed) / 1_000_000;
            assertEquals(other + ".postgres.internal.", cname(secondary.port(), "mydb.reader.postgres.internal."));
            System.out.printf("%s secondary: an API change answered by the secondary %d ms later (NOTIFY, then a"
                    + " transfer)%n", name, delay);
            if (name.equals("knot")) {
                // AXFR itself, compared as RR sets: vedns's against Knot's of the copy it transferred.
                assertEquals(axfr(vedns.listener().tcpAddress().getPort()), axfr(secondary.port()));
                String log = secondary.log().call();
                assertTrue(log.contains("IXFR, incoming") && log.contains("finished"), "the change came by IXFR:\n"
                        + log);
                assertTrue(!log.contains("fallback to AXFR"), log);
                String metrics = expect(200, vedns.api().get("/metrics")).body();
                assertTrue(metrics.contains("vedns_transfers_total{result=\"incremental\",type=\"ixfr\"}"), metrics);
                assertTrue(metrics.contains("vedns_notify_total{result=\"answered\",target=\"127.0.0.1:" + port
                        + "\"}"), metrics);
            }
            assertTrue(delay < 3000, "the change took " + delay + " ms to reach the secondary:\n"
                    + secondary.log().call());
        } finally {
            VednsProcess.deleteTree(directory);
        }
    }

    /** Each owner's RRsets of the zone's types, over TCP, that the secondary answers otherwise than vedns. */
    private static List<String> dataDifferences(Set<String> owners, int vednsPort, int secondaryPort) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String owner : owners) {
            for (int type : new int[] {Type.SOA, Type.NS, Type.A, Type.AAAA, Type.CNAME}) {
                Set<String> theirs = rrsets(secondaryPort, owner, type);
                // A pool answers one member per question, and the secondary's copy names its first: ask again.
                boolean same = false;
                Set<String> ours = Set.of();
                for (int turn = 0; turn < 4 && !same; turn++) {
                    ours = rrsets(vednsPort, owner, type);
                    same = ours.equals(theirs);
                }
                if (!same) {
                    failures.add(owner + " " + Type.string(type) + ": vedns " + ours + ", secondary " + theirs);
                }
            }
        }
        return failures;
    }

    private static Set<String> rrsets(int port, String owner, int type) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        resolver.setTCP(true);
        Set<String> lines = new TreeSet<>();
        for (Record record : resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(owner), type,
                DClass.IN))).getSection(Section.ANSWER)) {
            lines.add(record.toString());
        }
        return lines;
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

    /** The zone as an AXFR from 127.0.0.1 at {@code port} gives it, signed with the key, as record lines. */
    private static Set<String> axfr(int port) throws Exception {
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(Name.fromConstantString(ZONE), "127.0.0.1", port,
                new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString(KEY), SECRET));
        transfer.run();
        Set<String> lines = new TreeSet<>();
        transfer.getAXFR().forEach(record -> lines.add(record.toString()));
        return lines;
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

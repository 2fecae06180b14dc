package dev.vedns.api.conformance;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.api.Api;
import dev.vedns.api.Dns;
import dev.vedns.api.VednsUnderTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** GET /api/v1/zone is a master file that kzonecheck accepts and that holds exactly what DNS answers. */
@MicronautTest
class ZoneExportTest {

    @Inject
    VednsUnderTest vedns;

    private static final String POOL = "pooldb.reader.postgres.internal.";
    private static final String CUSTOM_POOL = "poolro.custom.postgres.internal.";

    @TempDir
    Path directory;

    @Test
    void theExportIsAValidMasterFileOfTheLiveZone() throws Exception {
        KnotDifferentialTest.buildFleet(vedns.api());
        Api.Reply reply = expect(200, vedns.api().get("/api/v1/zone"));
        assertEquals("text/dns", reply.contentType());
        List<String> lines = Arrays.stream(reply.body().split("\n")).filter(line -> !line.startsWith(";")).toList();
        assertEquals("$ORIGIN postgres.internal.", lines.get(0));
        assertTrue(lines.get(1).startsWith("postgres.internal.\t3600\tIN\tSOA\tns1.postgres.internal. hostmaster."
                + "postgres.internal. " + vedns.dns().serial() + " "), lines.get(1));
        assertTrue(reply.body().contains("pg-replica-1.postgres.internal.\t30\tIN\tAAAA\tfd00::6\n"), reply.body());

        Path file = directory.resolve("postgres.internal.zone");
        Files.writeString(file, reply.body());
        Process check = new ProcessBuilder("kzonecheck", "-o", "postgres.internal.", file.toString())
                .redirectErrorStream(true).start();
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        try (Master master = new Master(file.toString(), Name.root)) {
            int records = 0;
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                records++;
                String line = record.toString();
                String owner = record.getName().toString();
                // The pool's exported CNAME is its first member; DNS names each member in turn.
                List<String> answer = owner.equals(POOL) || owner.equals(CUSTOM_POOL) ? inTurn(vedns, owner, record.getType())
                        : vedns.dns().answer(owner, record.getType());
                assertTrue(answer.contains(line), line + " is exported but DNS answers " + answer);
            }
            assertEquals(countRecords(vedns), records);
        }
    }

    /** Every record DNS holds, counted by asking for each exported owner's RRsets. */
    private static int countRecords(VednsUnderTest vedns) throws Exception {
        int count = 0;
        for (String owner : List.of("postgres.internal.", "ns1.postgres.internal.", "pg-main.postgres.internal.",
                "pg-replica-1.postgres.internal.", "pg-replica-2.postgres.internal.", "pg-orders.postgres.internal.",
                "pg-c.postgres.internal.", "pg-c-r.postgres.internal.", "pg-big.postgres.internal.",
                "pg-pool.postgres.internal.", "pg-pool-r1.postgres.internal.", "pg-pool-r2.postgres.internal.")) {
            for (int type : new int[] {Type.SOA, Type.NS, Type.A, Type.AAAA}) {
                count += vedns.dns().answer(owner, type).stream().filter(line -> line.startsWith(owner)).count();
            }
        }
        for (String pair : List.of("mydb", "orders", "cdb", "big")) {
            count += 2;
            assertEquals(1, vedns.dns().answer(pair + ".writer.postgres.internal.", Type.CNAME).size());
            assertEquals(1, vedns.dns().answer(pair + ".reader.postgres.internal.", Type.CNAME).size());
        }
        count += 2;
        assertEquals(1, vedns.dns().answer("pooldb.writer.postgres.internal.", Type.CNAME).size());
        assertEquals(2, inTurn(vedns, POOL, Type.CNAME).size(), "one CNAME per answer, each member in turn");
        count += 2;
        assertEquals(2, inTurn(vedns, CUSTOM_POOL, Type.CNAME).size());
        assertEquals(1, vedns.dns().answer("mainall.custom.postgres.internal.", Type.CNAME).size());
        return count;
    }

    /** The answer lines of a pool of two over four questions: each member's CNAME. */
    private static List<String> inTurn(VednsUnderTest vedns, String name, int type) throws Exception {
        Set<String> lines = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            lines.addAll(Dns.lines(vedns.dns().udp(name, type), Section.ANSWER));
        }
        return List.copyOf(lines);
    }
}

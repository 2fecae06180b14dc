package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The DNS rules as the real {@code dig} sees them, over UDP and TCP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigTest {

    @Inject
    VednsUnderTest vedns;

    private Api api;
    private int port;

    @BeforeEach
    void fleet() {
        api = vedns.api();
        port = vedns.listener().udpAddress().getPort();
        vedns.fleetWithALargeServer();
    }

    @Test
    void theWriterChasesToThePrimaryOverUdpAndTcp() throws Exception {
        for (String transport : List.of("+notcp", "+tcp")) {
            Dig.Output out = Dig.run(port, "mydb.writer.postgres.internal", "A", "+norec", transport);
            assertEquals("NOERROR", out.status());
            assertEquals(List.of("qr", "aa"), out.flags());
            assertEquals(List.of("mydb.writer.postgres.internal. 5 IN CNAME pg-main.postgres.internal.",
                    "pg-main.postgres.internal. 30 IN A 10.0.0.5"), out.section("ANSWER"));
        }
    }

    @Test
    void rdIsCopiedAndRaNeverSet() throws Exception {
        Dig.Output out = Dig.run(port, "mydb.reader.postgres.internal", "AAAA", "+rec");
        assertEquals(List.of("qr", "aa", "rd"), out.flags());
        assertEquals(List.of("mydb.reader.postgres.internal. 5 IN CNAME pg-replica-1.postgres.internal.",
                "pg-replica-1.postgres.internal. 30 IN AAAA fd00::6"), out.section("ANSWER"));
    }

    @Test
    void missingNamesAreNxdomainWithTheSoa() throws Exception {
        Dig.Output out = Dig.run(port, "nothing.writer.postgres.internal", "A");
        assertEquals("NXDOMAIN", out.status());
        assertTrue(out.flags().contains("aa"));
        assertEquals(1, out.section("AUTHORITY").size());
        assertTrue(out.section("AUTHORITY").get(0).startsWith("postgres.internal. 30 IN SOA ns1.postgres.internal. "
                + "hostmaster.postgres.internal. "), out.text());
    }

    @Test
    void nodataAndEmptyNonTerminalsAreNoerrorWithTheSoa() throws Exception {
        for (String[] question : new String[][] {{"pg-main.postgres.internal", "AAAA"}, {"writer.postgres.internal", "A"},
                {"reader.postgres.internal", "CNAME"}, {"mydb.writer.postgres.internal", "TXT"}}) {
            Dig.Output out = Dig.run(port, question[0], question[1]);
            assertEquals("NOERROR", out.status(), out.text());
            assertEquals(1, out.section("AUTHORITY").size(), out.text());
            assertTrue(out.section("AUTHORITY").get(0).contains(" IN SOA "), out.text());
        }
    }

    @Test
    void namesOutsideTheZoneAreRefused() throws Exception {
        Dig.Output out = Dig.run(port, "www.example.com", "A");
        assertEquals("REFUSED", out.status());
        assertFalse(out.flags().contains("aa"));
    }

    @Test
    void theQuestionIsEchoedInItsCase() throws Exception {
        Dig.Output out = Dig.run(port, "MyDB.Writer.Postgres.Internal", "A");
        assertEquals(List.of(";MyDB.Writer.Postgres.Internal. IN A"), out.section("QUESTION"));
        assertEquals("NOERROR", out.status());
    }

    @Test
    void ednsIsAnsweredWith1232AndBadversForVersion1() throws Exception {
        assertTrue(Dig.run(port, "postgres.internal", "SOA", "+bufsize=4096").text().contains("udp: 1232"));
        assertEquals("BADVERS", Dig.run(port, "postgres.internal", "SOA", "+edns=1", "+noednsnegotiation").status());
    }

    @Test
    void largeAnswersAreTruncatedOverUdpAndWholeOverTcp() throws Exception {
        Dig.Output udp = Dig.run(port, "pg-big.postgres.internal", "AAAA", "+noedns", "+ignore");
        assertTrue(udp.flags().contains("tc"), udp.text());
        assertEquals(List.of(), udp.section("ANSWER"));
        assertEquals(40, Dig.run(port, "pg-big.postgres.internal", "AAAA", "+noedns").section("ANSWER").size(),
                "dig retries over TCP after TC");
        assertEquals(40, Dig.run(port, "pg-big.postgres.internal", "AAAA", "+bufsize=1232").section("ANSWER").size());
    }

    @Test
    void otherOpcodesAreNotimpAndNoQuestionIsFormerr() throws Exception {
        assertEquals("NOTIMP", Dig.run(port, "postgres.internal", "SOA", "+opcode=status").status());
        assertEquals("FORMERR", Dig.run(port, "+header-only").status());
    }

    @Test
    void theSerialRisesWithEveryChange() throws Exception {
        long before = serial();
        expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"));
        long after = serial();
        assertTrue(after > before, after + " after " + before);
        expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-replica-1\"]}"));
        assertTrue(serial() > after);
    }

    private long serial() throws Exception {
        String soa = Dig.run(port, "postgres.internal", "SOA", "+short").text().trim();
        return Long.parseLong(soa.split(" ")[2]);
    }
}

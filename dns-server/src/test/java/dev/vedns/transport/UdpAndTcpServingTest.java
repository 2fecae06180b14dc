package dev.vedns.transport;

import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** One port, both transports, the same answers. */
class UdpAndTcpServingTest {

    private static RunningServer dns;

    @BeforeAll
    static void start() throws Exception {
        dns = new RunningServer();
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
    }

    @Test
    void port0GivesUdpAndTcpTheSameFreePort() {
        assertTrue(dns.server.udpAddress().getPort() > 0);
        assertEquals(dns.server.udpAddress().getPort(), dns.server.tcpAddress().getPort());
    }

    @Test
    void udpAndTcpAnswerAlike() throws Exception {
        for (String name : List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
                "missing.postgres.internal.", "writer.postgres.internal.")) {
            Message udp = dns.udp(query(name, Type.A));
            Message tcp = dns.tcp(query(name, Type.A));
            assertEquals(udp.getRcode(), tcp.getRcode(), name);
            assertEquals(strings(udp, Section.ANSWER), strings(tcp, Section.ANSWER), name);
            assertEquals(strings(udp, Section.AUTHORITY), strings(tcp, Section.AUTHORITY), name);
        }
        assertEquals(Rcode.NOERROR, dns.udp(query("mydb.writer.postgres.internal.", Type.A)).getRcode());
    }

    private static List<String> strings(Message message, int section) {
        return message.getSection(section).stream().map(Record::toString).toList();
    }
}

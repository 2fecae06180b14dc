package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Every DNS rule, against the running application, with dnsjava's resolver over UDP and TCP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsRulesOverSocketsTest {

    @Inject
    VednsUnderTest vedns;

    @BeforeEach
    void fleet() {
        vedns.fleetWithALargeServer();
    }

    @Test
    void chaseNxdomainNodataEmptyNonTerminalAndRefusedOverBothTransports() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Message chase = send(query("mydb.reader.postgres.internal.", Type.A), tcp);
            assertEquals(Rcode.NOERROR, chase.getRcode());
            assertEquals(List.of(Type.CNAME, Type.A), types(chase, Section.ANSWER));

            Message nxdomain = send(query("gone.reader.postgres.internal.", Type.A), tcp);
            assertEquals(Rcode.NXDOMAIN, nxdomain.getRcode());
            assertEquals(List.of(Type.SOA), types(nxdomain, Section.AUTHORITY));

            Message nodata = send(query("pg-main.postgres.internal.", Type.AAAA), tcp);
            assertEquals(Rcode.NOERROR, nodata.getRcode());
            assertEquals(List.of(), types(nodata, Section.ANSWER));
            assertEquals(List.of(Type.SOA), types(nodata, Section.AUTHORITY));

            Message ent = send(query("writer.postgres.internal.", Type.A), tcp);
            assertEquals(Rcode.NOERROR, ent.getRcode());
            assertEquals(List.of(Type.SOA), types(ent, Section.AUTHORITY));

            Message refused = send(query("example.com.", Type.A), tcp);
            assertEquals(Rcode.REFUSED, refused.getRcode());
            assertFalse(refused.getHeader().getFlag(Flags.AA));
        }
    }

    @Test
    void ednsAndTruncation() throws Exception {
        Message edns = query("pg-big.postgres.internal.", Type.AAAA);
        edns.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        Message whole = send(edns, false);
        assertEquals(1232, whole.getOPT().getPayloadSize());
        assertEquals(40, whole.getSection(Section.ANSWER).size());

        Message truncated = rawUdp(query("pg-big.postgres.internal.", Type.AAAA));
        assertTrue(truncated.getHeader().getFlag(Flags.TC));
        assertEquals(0, truncated.getSection(Section.ANSWER).size());
        assertEquals(40, send(query("pg-big.postgres.internal.", Type.AAAA), true).getSection(Section.ANSWER).size());

        Message badVersion = query("postgres.internal.", Type.SOA);
        badVersion.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL);
        assertEquals(Rcode.BADVERS, rawUdp(badVersion).getRcode());
    }

    @Test
    void formerrNotimpAndCaseEcho() throws Exception {
        assertEquals(Rcode.FORMERR, rawUdp(new Message()).getRcode());
        Message status = query("postgres.internal.", Type.SOA);
        status.getHeader().setOpcode(Opcode.STATUS);
        assertEquals(Rcode.NOTIMP, rawUdp(status).getRcode());

        Message mixed = send(query("MyDb.ReAdEr.postgres.INTERNAL.", Type.A), false);
        assertEquals("MyDb.ReAdEr.postgres.INTERNAL.", mixed.getQuestion().getName().toString());
        assertEquals(List.of(Type.CNAME, Type.A), types(mixed, Section.ANSWER));
    }

    @Test
    void pipelinedTcpQueriesKeepTheirIds() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", vedns.listener().tcpAddress().getPort()), 3000);
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (int id = 1; id <= 10; id++) {
                Message query = query(id % 2 == 0 ? "mydb.writer.postgres.internal." : "missing.postgres.internal.", Type.A);
                query.getHeader().setID(id);
                byte[] wire = query.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int id = 1; id <= 10; id++) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message response = new Message(wire);
                assertEquals(id, response.getHeader().getID());
                assertEquals(id % 2 == 0 ? Rcode.NOERROR : Rcode.NXDOMAIN, response.getRcode());
            }
        }
    }

    private static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    }

    private Message send(Message query, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(vedns.listener().udpAddress());
        resolver.setTCP(tcp);
        resolver.setIgnoreTruncation(false);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver.send(query);
    }

    /** One datagram out, one in: no resolver logic that could retry over TCP or reject odd answers. */
    private Message rawUdp(Message query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(3000);
            byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", vedns.listener().udpAddress().getPort())));
            DatagramPacket response = new DatagramPacket(new byte[65535], 65535);
            socket.receive(response);
            return new Message(java.util.Arrays.copyOf(response.getData(), response.getLength()));
        }
    }

    private static List<Integer> types(Message message, int section) {
        return message.getSection(section).stream().map(Record::getType).toList();
    }
}

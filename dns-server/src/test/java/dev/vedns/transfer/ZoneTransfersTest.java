package dev.vedns.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.Vedns;
import dev.vedns.VednsSettings;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.transport.DnsListenerSettings;
import dev.vedns.zone.ZoneFile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Transfers and signatures over real sockets, with dnsjava's own transfer client: the whole zone in several
 * messages, signed as one stream; refusals for a wrong key, a missing one and an address outside the allowed
 * networks; IXFR as the SOA alone when current; a signed query answered signed.
 */
class ZoneTransfersTest {

    private static final Name ZONE = Fleet.ZONE;
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";
    private static final TSIG KEY = new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString("xfr-key."), SECRET);

    @TempDir
    Path directory;

    private Vedns vedns;

    private Vedns start(List<String> allow) throws Exception {
        VednsSettings settings = new VednsSettings(Fleet.settings(), new DnsListenerSettings("127.0.0.1", 0,
                Duration.ofSeconds(10), 100, 100, 0, 0, 2), directory, Fleet.FIRST_SERIAL, 100, 1000, false, null,
                RoutingRules.CUSTOM_ENDPOINTS_PER_SET, new TransferSettings(allow,
                List.of(new TsigKey("xfr-key.", "hmac-sha256", SECRET)), true), null);
        vedns = Vedns.open(settings);
        Fleet fleet = Fleet.on(vedns.engine());
        for (int i = 0; i < 600; i++) {
            fleet.primary("pg-" + i, "10.1." + (i / 250) + "." + (i % 250 + 1))
                    .replica("pg-" + i + "-r", "pg-" + i, "10.2." + (i / 250) + "." + (i % 250 + 1)).pair("pg-" + i, "db-" + i);
        }
        vedns.engine().apply(new RoutingCommand.PatchEndpoint("pg-1", "db-1", List.of("pg-1", "pg-1-r")));
        return vedns;
    }

    @AfterEach
    void stop() {
        if (vedns != null) {
            vedns.close();
        }
    }

    @Test
    void aSignedAxfrGivesTheWholeZoneInCanonicalOrderInSeveralMessagesWithItsSoaFirstAndLast() throws Exception {
        start(List.of("127.0.0.0/8"));
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(ZONE, address(), KEY);
        transfer.run();
        List<Record> records = transfer.getAXFR();
        assertEquals(Type.SOA, records.get(0).getType());
        assertEquals(Type.SOA, records.get(records.size() - 1).getType());
        assertEquals(lines(exported()), lines(records.subList(0, records.size() - 1)),
                "the transfer holds exactly what the zone export does");
        assertTrue(records.size() > 2400, "several messages' worth: " + records.size());
        for (int i = 2; i < records.size() - 1; i++) {
            assertTrue(records.get(i - 1).getName().compareTo(records.get(i).getName()) <= 0,
                    "in canonical order, as a secondary loads fastest: " + records.get(i - 1) + " before " + records.get(i));
        }
        assertEquals(1L, vedns.transferCounters().snapshot().get("axfr|full"));
    }

    /** The transfer's messages are made as the connection drains; what is asked behind it must still come after. */
    @Test
    void aQueryPipelinedBehindAnAxfrIsAnsweredAfterTheTransfersLastMessage() throws Exception {
        start(List.of("127.0.0.0/8"));
        Message axfr = Message.newQuery(Record.newRecord(ZONE, Type.AXFR, DClass.IN));
        axfr.getHeader().setID(1);
        KEY.apply(axfr, null);
        Message writer = Message.newQuery(Record.newRecord(Name.fromString("db-7.writer", ZONE), Type.A, DClass.IN));
        writer.getHeader().setID(2);
        try (Socket socket = new Socket(address().getAddress(), address().getPort())) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (byte[] wire : List.of(axfr.toWire(), writer.toWire())) {
                out.writeShort(wire.length);
                out.write(wire);
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int transferMessages = 0;
            int soas = 0;
            while (soas < 2) {
                Message message = read(in);
                assertEquals(1, message.getHeader().getID(), "nothing else before the transfer's end");
                transferMessages++;
                soas += (int) message.getSection(Section.ANSWER).stream().filter(r -> r.getType() == Type.SOA).count();
            }
            Message answer = read(in);
            assertEquals(2, answer.getHeader().getID());
            assertEquals(Type.CNAME, answer.getSection(Section.ANSWER).get(0).getType());
            assertTrue(transferMessages > 2, "a transfer of several messages: " + transferMessages);
        }
    }

    private static Message read(DataInputStream in) throws Exception {
        byte[] frame = new byte[in.readUnsignedShort()];
        in.readFully(frame);
        return new Message(frame);
    }

    @Test
    void aWrongKeyNoKeyAndAnAddressOutsideTheAllowedNetworksAreRefused() throws Exception {
        start(List.of("10.0.0.0/8"));
        assertThrows(ZoneTransferException.class, () -> ZoneTransferIn.newAXFR(ZONE, address(), KEY).run(),
                "127.0.0.1 is outside 10.0.0.0/8");
        vedns.close();
        vedns = null;
        start(List.of("127.0.0.0/8"));
        TSIG wrong = new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString("xfr-key."),
                "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=");
        assertThrows(Exception.class, () -> ZoneTransferIn.newAXFR(ZONE, address(), wrong).run());
        ZoneTransferException unsigned = assertThrows(ZoneTransferException.class,
                () -> ZoneTransferIn.newAXFR(ZONE, address(), null).run(), "a key is required");
        assertTrue(unsigned.getMessage().contains("REFUSED"), unsigned.getMessage());
        assertEquals(1L, vedns.transferCounters().snapshot().get("axfr|refused"));
        assertEquals(1L, vedns.transferCounters().snapshot().get("axfr|badsig"));
    }

    @Test
    void anIxfrFromTheCurrentSerialGetsTheSoaAloneAndFromOneNotKeptTheWholeZone() throws Exception {
        start(List.of("127.0.0.0/8"));
        long serial = vedns.engine().get().serial();
        ZoneTransferIn current = ZoneTransferIn.newIXFR(ZONE, serial, false, address().getHostString(),
                address().getPort(), KEY);
        current.run();
        assertTrue(current.isCurrent());
        ZoneTransferIn older = ZoneTransferIn.newIXFR(ZONE, Fleet.FIRST_SERIAL - 100, false,
                address().getHostString(), address().getPort(), KEY);
        older.run();
        assertTrue(older.isAXFR(), "a serial from before this process started: the whole zone, in IXFR form");
        assertEquals(lines(exported()), lines(older.getAXFR().subList(0, older.getAXFR().size() - 1)));
    }

    @Test
    void eachOfThreeHundredRandomChangesReachesASecondaryByAnIncrementalIxfrThatGivesTheNewZone() throws Exception {
        start(List.of("127.0.0.0/8"));
        Set<String> copy = withoutSoa(lines(exported()));
        Random random = new Random(17);
        for (int change = 0; change < 300; change++) {
            long before = vedns.engine().get().serial();
            int set = random.nextInt(600);
            RoutingCommand command = switch (random.nextInt(3)) {
                case 0 -> new RoutingCommand.PatchEndpoint("pg-" + set, "db-" + set,
                        List.of(random.nextBoolean() ? "pg-" + set : "pg-" + set + "-r"));
                case 1 -> new RoutingCommand.PutServer("pg-" + set + "-r", "AsyncReplica", "pg-" + set,
                        List.of("10.3." + random.nextInt(250) + "." + (random.nextInt(250) + 1)));
                default -> new RoutingCommand.PutCustomEndpoint("pg-" + set, "ro-" + set, "Reader", null, List.of());
            };
            vedns.engine().apply(command);
            if (vedns.engine().get().serial() == before) {
                continue;
            }
            ZoneTransferIn ixfr = ZoneTransferIn.newIXFR(ZONE, before, false, address().getHostString(),
                    address().getPort(), KEY);
            ixfr.run();
            assertTrue(ixfr.isIXFR(), "change " + change + " came as a full transfer");
            for (ZoneTransferIn.Delta delta : ixfr.getIXFR()) {
                copy.removeAll(withoutSoa(lines(delta.deletes)));
                copy.addAll(withoutSoa(lines(delta.adds)));
            }
            assertEquals(withoutSoa(lines(exported())), copy, "after change " + change + ": " + command);
        }
        assertTrue(vedns.transferCounters().snapshot().get("ixfr|incremental") > 200);
    }

    @Test
    void aSignedQueryIsAnsweredSignedAndAnUnsignedOneAsBefore() throws Exception {
        start(List.of("127.0.0.0/8"));
        SimpleResolver resolver = new SimpleResolver(address());
        resolver.setTSIGKey(KEY);
        Message answer = resolver.send(Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN)));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.isVerified(), "the answer carries a valid signature");
        SimpleResolver plain = new SimpleResolver(address());
        Message unsigned = plain.send(Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN)));
        assertEquals(Rcode.NOERROR, unsigned.getRcode());
        assertTrue(unsigned.getTSIG() == null);
    }

    @Test
    void onlyTransfersAndQueriesWithMoreThanABareOptAreItsConcern() throws Exception {
        ZoneTransfers transfers = new ZoneTransfers(new TransferSettings(List.of("127.0.0.0/8"), List.of(), true), null);
        Message plain = Message.newQuery(Record.newRecord(Name.fromConstantString("db.writer.postgres.internal."),
                Type.A, DClass.IN));
        assertTrue(!concerns(transfers, plain.toWire()), "an ordinary query");
        plain.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        assertTrue(!concerns(transfers, plain.toWire()), "an ordinary query with a bare OPT");
        assertTrue(concerns(transfers, Message.newQuery(Record.newRecord(ZONE, Type.AXFR, DClass.IN)).toWire()));
        assertTrue(concerns(transfers, ixfrQuery()), "an IXFR, its SOA as authority");
        Message signed = Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN));
        KEY.apply(signed, null);
        assertTrue(concerns(transfers, signed.toWire()), "a signed query");
    }

    /** As a listener asks: its array holds more than the query. */
    private static boolean concerns(ZoneTransfers transfers, byte[] query) {
        return transfers.concerns(Arrays.copyOf(query, query.length + 32), query.length);
    }

    /** An IXFR query as a secondary sends it: the question, and its SOA as authority. */
    private static byte[] ixfrQuery() throws Exception {
        Message query = Message.newQuery(Record.newRecord(ZONE, Type.IXFR, DClass.IN));
        query.addRecord(new SOARecord(ZONE, DClass.IN, 0, ZONE, ZONE, 5, 0, 0, 0, 0), Section.AUTHORITY);
        return query.toWire();
    }

    private InetSocketAddress address() {
        return vedns.dns().tcpAddress();
    }

    private List<Record> exported() throws Exception {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(
                ZoneFile.render(vedns.engine().get()).getBytes(StandardCharsets.UTF_8)), ZONE)) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                records.add(record);
            }
        }
        return records;
    }

    private static Set<String> withoutSoa(Set<String> lines) {
        Set<String> kept = new TreeSet<>(lines);
        kept.removeIf(line -> line.contains("\tSOA\t"));
        return kept;
    }

    private static Set<String> lines(List<Record> records) {
        Set<String> lines = new TreeSet<>();
        records.forEach(record -> lines.add(record.toString()));
        return lines;
    }
}

package dev.vedns.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The encoder against dnsjava's own encoding of the same message, byte for byte. */
class TransferEncoderTest {

    private static final Name ZONE = Name.fromConstantString("vedns.example.");

    @Test
    void aMessageLongerThanPointersReachIsEncodedAsDnsjavaEncodesIt() throws Exception {
        List<Record> answers = zone(1500);
        Record question = Record.newRecord(Name.fromConstantString("VeDNS.Example."), Type.AXFR, DClass.IN);
        byte[] wire = new TransferEncoder(4711, true, question).encode(answers);
        assertTrue(wire.length > 0x3FFF + 1000, "the message reaches past where a pointer can point");
        assertArrayEquals(dnsjava(4711, true, question, answers), wire);
    }

    @Test
    void eachMessageOfOneEncoderStartsItsCompressionAfresh() throws Exception {
        List<Record> answers = zone(40);
        Record question = Record.newRecord(ZONE, Type.IXFR, DClass.IN);
        TransferEncoder encoder = new TransferEncoder(7, false, question);
        encoder.encode(answers.subList(0, 20));
        assertArrayEquals(dnsjava(7, false, question, answers.subList(20, 40)), encoder.encode(answers.subList(20, 40)));
    }

    /** A zone as vedns compiles one, with names in mixed case and targets inside and outside it. */
    private static List<Record> zone(int pairs) throws Exception {
        List<Record> records = new ArrayList<>();
        records.add(new SOARecord(ZONE, DClass.IN, 60, Name.fromConstantString("ns1.vedns.example."),
                Name.fromConstantString("hostmaster.Vedns.example."), 2026120301L, 3600, 600, 86400, 30));
        records.add(new NSRecord(ZONE, DClass.IN, 3600, Name.fromConstantString("ns1.vedns.example.")));
        records.add(new NSRecord(ZONE, DClass.IN, 3600, Name.fromConstantString("ns.elsewhere.example.net.")));
        for (int i = 0; i < pairs; i++) {
            Name server = Name.fromString("pg-" + i + ".servers", ZONE);
            Name replica = Name.fromString("PG-" + i + "-r.Servers", ZONE);
            records.add(new ARecord(server, DClass.IN, 30, InetAddress.getByName("10.1." + i / 250 + "." + i % 250)));
            records.add(new AAAARecord(replica, DClass.IN, 30, InetAddress.getByName("fd00::" + Integer.toHexString(i))));
            records.add(new CNAMERecord(Name.fromString("db-" + i + ".writer", ZONE), DClass.IN, 5, server));
            records.add(new CNAMERecord(Name.fromString("db-" + i + ".READER", ZONE), DClass.IN, 5,
                    i % 3 == 0 ? Name.fromString("pg-" + i + ".internal.example.com.") : replica));
        }
        return records;
    }

    private static byte[] dnsjava(int id, boolean recursionDesired, Record question, List<Record> answers) {
        Header header = new Header(id);
        header.setFlag(Flags.QR);
        header.setFlag(Flags.AA);
        if (recursionDesired) {
            header.setFlag(Flags.RD);
        }
        Message message = new Message();
        message.setHeader(header);
        message.addRecord(question, Section.QUESTION);
        for (Record record : answers) {
            message.addRecord(record, Section.ANSWER);
        }
        return message.toWire();
    }
}

package dev.vedns.api.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The differential corpus: every kind of query the issue lists, each over UDP and over TCP. */
final class QueryCorpus {

    static final int[] TYPES = {Type.A, Type.AAAA, Type.CNAME, Type.ANY, Type.SOA, Type.NS, Type.TXT, Type.MX,
            Type.SRV, 65534};

    private final Random random = new Random(5);
    private final List<Probe> probes = new ArrayList<>();

    /** @param owners every owner name of the zone, from its master file; {@code zone} is the apex */
    static List<Probe> build(String zone, Set<String> owners) {
        QueryCorpus corpus = new QueryCorpus();
        corpus.fill(zone, new TreeSet<>(owners));
        return corpus.probes;
    }

    private void fill(String zone, Set<String> owners) {
        List<String> names = new ArrayList<>(owners);
        names.add("writer." + zone);
        names.add("reader." + zone);
        for (String name : names) {
            for (int type : TYPES) {
                both(kind(type), name, type, DClass.IN, null);
            }
            for (int type : TYPES) {
                both(kind(type), randomCase(name), type, DClass.IN, null);
            }
            for (int dclass : new int[] {DClass.CH, DClass.ANY}) {
                both("class " + DClass.string(dclass), name, Type.A, dclass, null);
            }
            for (int payload : new int[] {512, 1232, 4096}) {
                for (int type : new int[] {Type.A, Type.AAAA, Type.CNAME, Type.ANY}) {
                    both(type == Type.ANY ? "ANY" : "edns " + payload, name, type, DClass.IN, new OPTRecord(payload, 0, 0, 0));
                }
            }
            for (int type : TYPES) {
                both(type == Type.ANY ? "ANY" : "edns do", name, type, DClass.IN, new OPTRecord(1232, 0, 0, ExtendedFlags.DO));
            }
            both("edns unknown option", name, Type.A, DClass.IN, new OPTRecord(1232, 0, 0, 0,
                    List.<EDNSOption>of(new GenericEDNSOption(65001, new byte[] {1, 2, 3}))));
            both("edns version 1", name, Type.A, DClass.IN, new OPTRecord(1232, 0, 1, 0));
        }
        for (String missing : List.of("nothing", "x.y", "db.writer", "db.reader", "a.b.writer", "deep.mydb.writer",
                "x.pg-main", "nS1", "wRiTeR2", "_tcp", "*", "a-very-long-label-that-is-fine-0123456789")) {
            for (int type : TYPES) {
                both("missing", missing + "." + zone, type, DClass.IN, null);
            }
        }
        for (String outside : List.of(".", "com.", "internal.", "example.com.", "x" + zone, "postgres.internal.example.",
                "www.google.com.")) {
            both("outside", outside, Type.A, DClass.IN, null);
            both("outside", outside, Type.SOA, DClass.IN, new OPTRecord(1232, 0, 0, 0));
        }
        for (int opcode : new int[] {Opcode.STATUS, Opcode.NOTIFY, Opcode.UPDATE}) {
            for (String name : List.of(zone, "mydb.writer." + zone, "example.com.")) {
                Message query = query(name, Type.SOA, DClass.IN, null);
                query.getHeader().setOpcode(opcode);
                add("opcode " + Opcode.string(opcode), name, query.toWire());
            }
        }
        Message none = new Message();
        add("qdcount 0", "no question", none.toWire());
        Message noneEdns = new Message();
        noneEdns.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        add("qdcount 0", "no question, EDNS", noneEdns.toWire());
        Message two = query(zone, Type.SOA, DClass.IN, null);
        two.addRecord(Record.newRecord(Name.fromConstantString("mydb.writer." + zone), Type.A, DClass.IN), Section.QUESTION);
        add("qdcount 2", "two questions", two.toWire());
        for (String name : List.of(zone, "mydb.writer." + zone, "example.com.")) {
            for (int type : new int[] {Type.AXFR, Type.IXFR}) {
                both("transfer", name, type, DClass.IN, null);
            }
        }
        byte[] valid = query("mydb.reader." + zone, Type.A, DClass.IN, null).toWire();
        for (int cut = 0; cut < valid.length; cut += 3) {
            add("truncated", "first " + cut + " bytes", Arrays.copyOf(valid, cut));
        }
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[12 + random.nextInt(60)];
            random.nextBytes(garbage);
            garbage[2] &= 0x07; // a query (QR=0) with opcode QUERY, so servers do answer it
            add("garbage", "random bytes #" + i, garbage);
        }
    }

    private static String kind(int type) {
        return Type.string(type);
    }

    private void both(String kind, String name, int type, int dclass, OPTRecord opt) {
        byte[] wire = query(name, type, dclass, opt).toWire();
        String label = name + " " + Type.string(type) + " " + DClass.string(dclass) + (opt == null ? "" : " " + opt);
        add(kind, label, wire);
    }

    private void add(String kind, String label, byte[] wire) {
        probes.add(new Probe(kind, label + " (udp)", wire, false));
        probes.add(new Probe(kind, label + " (tcp)", wire, true));
    }

    private static Message query(String name, int type, int dclass, OPTRecord opt) {
        Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, dclass));
        query.getHeader().unsetFlag(Flags.RD);
        if (opt != null) {
            query.addRecord(opt, Section.ADDITIONAL);
        }
        return query;
    }

    private String randomCase(String name) {
        StringBuilder mixed = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return mixed.toString().toLowerCase(Locale.ROOT).equals(name) ? mixed.toString() : name;
    }
}

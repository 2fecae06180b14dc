package dev.vedns.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The fast path gives the general path's bytes, exactly, for every name and type of a generated zone; for a
 * pooled reader, which answers its members in turn, exactly one of the answers the general path gives in turn.
 */
class FastPathEquivalenceTest {

    private static final int[] TYPES = {Type.A, Type.AAAA, Type.CNAME, Type.ANY, Type.SOA, Type.NS, Type.TXT, Type.MX,
            Type.SRV, Type.PTR, Type.HINFO, 65534};

    @Test
    void everyNameAndTypeAnswersByteForByteAsTheGeneralPath() {
        ZoneSnapshot zone = generatedZone();
        List<String> names = new ArrayList<>();
        zone.names().forEach(name -> names.add(name.toString()));
        for (String missing : List.of("nothing", "x.ns1", "ns2", "hostmaster", "a.hostmaster", "x.writer", "a.b.reader",
                "deep.db-7.writer", "x.pg-3", "A-VERY-long-label-0123456789-0123456789-0123456789-0123456")) {
            names.add(missing + ".postgres.internal.");
        }
        Random random = new Random(3);
        int compared = 0;
        int fast = 0;
        int pooled = 0;
        for (String name : names) {
            for (String asked : List.of(name, randomCase(name, random))) {
                for (int type : TYPES) {
                    for (int variant = 0; variant < 6; variant++) {
                        byte[] query = query(asked, type, variant);
                        for (Transport transport : Transport.values()) {
                            byte[] shortcut = reused(query, zone, transport);
                            compared++;
                            if (shortcut != null) {
                                fast++;
                                Set<String> general = inTurn(zone, name, () -> Responder.general(query, zone, transport));
                                // Asked again, in turn and now from the cache, it gives each of them once.
                                assertEquals(general, inTurn(zone, name, () -> reused(query, zone, transport)),
                                        asked + " " + Type.string(type) + " variant " + variant + " " + transport);
                                pooled += general.size() > 1 ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(fast > compared * 8 / 10, "the fast path served only " + fast + " of " + compared);
        assertTrue(pooled > 0, "no pooled reader was compared");
    }

    /**
     * The fast path's answer as a listener gets it: the query read into an array that holds more after it, the
     * answer written into one that still holds another answer; only the bytes given and returned may count.
     */
    private static byte[] reused(byte[] query, ZoneSnapshot zone, Transport transport) {
        byte[] longer = Arrays.copyOf(query, query.length + 64);
        Arrays.fill(longer, query.length, longer.length, (byte) 0x5A);
        byte[] out = new byte[Wire.MAX_MESSAGE];
        Arrays.fill(out, (byte) 0xA5);
        int length = FastPath.answer(longer, query.length, zone, transport, out);
        return length < 0 ? null : Arrays.copyOf(out, length);
    }

    /** What {@code answer} gives once per alternative of the name (once for a name that is no pool), as hex. */
    private static Set<String> inTurn(ZoneSnapshot zone, String name, Supplier<byte[]> answer) {
        ZoneNode node = zone.node(Name.fromConstantString(name.toLowerCase(Locale.ROOT)));
        int turns = node == null ? 1 : node.alternatives().size();
        Set<String> answers = new HashSet<>();
        for (int turn = 0; turn < turns; turn++) {
            answers.add(HexFormat.of().formatHex(answer.get()));
        }
        assertEquals(turns, answers.size(), name + ": each member answers differently");
        return answers;
    }

    @Test
    void unusualQueriesAreLeftToTheGeneralPath() {
        ZoneSnapshot zone = generatedZone();
        Message withOption = Message.newQuery(Record.newRecord(Name.fromConstantString("db-1.writer.postgres.internal."),
                Type.A, DClass.IN));
        withOption.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new org.xbill.DNS.GenericEDNSOption(10, new byte[8]))),
                Section.ADDITIONAL);
        Message chaos = Message.newQuery(Record.newRecord(Name.fromConstantString("db-1.writer.postgres.internal."),
                Type.A, DClass.CH));
        Message outside = Message.newQuery(Record.newRecord(Name.fromConstantString("example.com."), Type.A, DClass.IN));
        Message transfer = Message.newQuery(Record.newRecord(Name.fromConstantString("postgres.internal."), Type.AXFR, DClass.IN));
        for (Message unusual : List.of(withOption, chaos, outside, transfer)) {
            assertTrue(reused(unusual.toWire(), zone, Transport.UDP) == null, unusual.toString());
        }
    }

    /** Twenty sets with replicas, IPv4 and IPv6, pairs, an RRset too big for UDP without EDNS. */
    static ZoneSnapshot generatedZone() {
        Fleet fleet = new Fleet();
        for (int set = 1; set <= 20; set++) {
            fleet.primary("pg-" + set, "10.0." + set + ".1", "fd00::" + Integer.toHexString(set) + ":1");
            for (int replica = 1; replica <= set % 3; replica++) {
                fleet.replica("pg-" + set + "-r" + replica, "pg-" + set, "10.0." + set + "." + (replica + 1));
            }
            if (set % 4 != 0) {
                fleet.pair("pg-" + set, "db-" + set);
            }
            if (set % 3 == 2 && set % 4 != 0) {
                // A pool of both replicas, and in one set the primary too.
                List<String> members = new ArrayList<>(List.of("pg-" + set + "-r1", "pg-" + set + "-r2"));
                if (set == 11) {
                    members.add(0, "pg-" + set);
                }
                fleet.engine().apply(new RoutingCommand.PatchEndpoint("pg-" + set, "db-" + set, members));
            }
            if (set % 5 == 0) {
                // Custom endpoints: all replicas (in turn when two), and the whole set.
                fleet.engine().apply(new RoutingCommand.PutCustomEndpoint("pg-" + set, "ro-" + set, "Reader", null,
                        List.of()));
                fleet.engine().apply(new RoutingCommand.PutCustomEndpoint("pg-" + set, "all-" + set, "Any", null,
                        List.of()));
            }
        }
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "fd00::9:" + Integer.toHexString(i + 1);
        }
        return fleet.primary("pg-big", many).pair("pg-big", "big").engine().get();
    }

    private static byte[] query(String name, int type, int variant) {
        Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
        if (variant % 2 == 1) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        switch (variant) {
            case 2 -> query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            case 3 -> query.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
            case 4 -> query.addRecord(new OPTRecord(100, 0, 0), Section.ADDITIONAL);
            case 5 -> query.addRecord(new OPTRecord(700, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
            default -> { }
        }
        return query.toWire();
    }

    private static String randomCase(String name, Random random) {
        StringBuilder mixed = new StringBuilder();
        for (char c : name.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }
}

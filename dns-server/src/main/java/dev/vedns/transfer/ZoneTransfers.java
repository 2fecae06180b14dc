package dev.vedns.transfer;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.transport.Transfers;
import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Zone transfers (AXFR, RFC 5936; IXFR from the kept differences, else in full, RFC 1995) to the allowed
 * networks, and TSIG (RFC 8945) on them and on any signed query, through dnsjava. A transfer is streamed from the
 * snapshot it started on, in canonical order, one message of at most {@value #MESSAGE_BUDGET} bytes of records at a time.
 */
public final class ZoneTransfers implements Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneTransfers.class);
    /** Uncompressed bytes of records per message: compressed, well under the 64 KB a TCP message may hold. */
    static final int MESSAGE_BUDGET = 16_000;
    private static final int HEADER = 12;
    /** An OPT record with no options: root name, type, class, TTL, a zero length. */
    private static final int BARE_OPT = 11;

    private final List<IpSubnetFilterRule> allow = new ArrayList<>();
    private final Map<Name, TSIG> keys = new HashMap<>();
    private final boolean requireTsig;
    private final AtomicLong lastRefusalLog = new AtomicLong();
    /** Answers by type (axfr, ixfr, or a signed query's type) and result (full, incremental, current, refused, badsig). */
    private final Tally counters = new Tally();
    private final IxfrHistory history;

    /** @param history the differences IXFR answers from; null to answer every IXFR that is behind in full */
    public ZoneTransfers(TransferSettings settings, IxfrHistory history) {
        this.history = history;
        for (String cidr : settings.allow()) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            int prefix = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(cidr.substring(slash + 1));
            allow.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
        }
        for (TsigKey key : settings.keys()) {
            keys.put(key.dnsName(), key.tsig());
        }
        this.requireTsig = settings.requireTsig() && !keys.isEmpty();
    }

    public Tally counters() {
        return counters;
    }

    /**
     * A transfer (by its question's type; an IXFR carries the client's SOA as authority) or anything with more in
     * its additional section than a bare OPT (a TSIG). Read from the fixed places at the packet's end, so the answer
     * path pays a few comparisons and no walk over the name.
     */
    @Override
    public boolean concerns(byte[] query, int length) {
        if (length < HEADER + 5 || (query[2] & 0x80) != 0 || u16(query, 4) != 1 || u16(query, 6) != 0) {
            return false;
        }
        if (u16(query, 8) != 0) {
            return true;
        }
        int additional = u16(query, 10);
        int end;
        if (additional == 0) {
            end = length;
        } else if (additional == 1 && length >= HEADER + 5 + BARE_OPT && query[length - BARE_OPT] == 0
                && u16(query, length - BARE_OPT + 1) == Type.OPT && u16(query, length - 2) == 0) {
            end = length - BARE_OPT;
        } else {
            return true;
        }
        int qtype = u16(query, end - 4);
        return qtype == Type.AXFR || qtype == Type.IXFR;
    }

    @Override
    public Iterator<byte[]> respond(byte[] wire, InetSocketAddress from, ZoneSnapshot zone, boolean tcp) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException malformed) {
            return null;
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY || query.getQuestion() == null) {
            return null;
        }
        TSIGRecord signature = query.getTSIG();
        TSIG key = signature == null ? null : keys.get(signature.getName());
        if (signature != null) {
            if (key == null) {
                return one(unsignedError(query, signature, Rcode.BADKEY));
            }
            int verified = key.verify(query, wire, null);
            if (verified != Rcode.NOERROR) {
                count(query.getQuestion().getType(), "badsig");
                return one(verified == Rcode.BADTIME ? signedError(query, key, signature, verified)
                        : unsignedError(query, signature, verified));
            }
        }
        int qtype = query.getQuestion().getType();
        if (qtype != Type.AXFR && qtype != Type.IXFR) {
            return signature == null ? null : one(signed(Responder.general(wire, zone,
                    tcp ? Transport.TCP : Transport.UDP), key, signature));
        }
        if (qtype == Type.AXFR && !tcp) {
            return null;
        }
        if (allow.isEmpty() && keys.isEmpty()) {
            return null;
        }
        String type = Type.string(qtype).toLowerCase(Locale.ROOT);
        Name asked = query.getQuestion().getName();
        if (!asked.equals(zone.origin())) {
            // A transfer is of the zone, named by its apex: outside it vedns is no authority, below it no zone starts.
            count(qtype, "refused");
            return one(sign(refused(query, asked.subdomain(zone.origin()) ? Rcode.NOTAUTH : Rcode.REFUSED), key,
                    signature));
        }
        if (!allowed(from) || requireTsig && key == null) {
            count(qtype, "refused");
            logRefusal(from, type, key == null ? (requireTsig ? "no TSIG" : "not allowed") : "not allowed");
            return one(sign(refused(query, Rcode.REFUSED), key, signature));
        }
        Long held = qtype == Type.IXFR ? clientSerial(query) : null;
        if (held != null && Long.compareUnsigned(held, zone.serial()) >= 0) {
            count(qtype, "current");
            return one(sign(soaOnly(query, zone), key, signature));
        }
        List<IxfrHistory.Delta> deltas = held == null || history == null ? null : history.since(held, zone.serial());
        boolean incremental = deltas != null;
        if (!tcp) {
            // IXFR over UDP that would need more than the SOA: ask for TCP (RFC 1995 §2).
            Message truncated = response(query);
            truncated.getHeader().setFlag(Flags.TC);
            return one(sign(truncated, key, signature));
        }
        Iterator<List<Record>> groups;
        if (incremental) {
            // RFC 1995 §4: for each serial, its old SOA and what it deleted, its new SOA and what it added.
            groups = deltas.stream().flatMap(delta -> Stream.<List<Record>>of(List.of(delta.from()), delta.deleted(),
                    List.of(delta.to()), delta.added())).iterator();
        } else {
            groups = zone.nodesInCanonicalOrder().stream().map(ZoneTransfers::transferred).iterator();
        }
        count(qtype, incremental ? "incremental" : "full");
        return new Messages(query, key, signature, zone.soa(), groups);
    }

    private static Iterator<byte[]> one(byte[] message) {
        return List.of(message).iterator();
    }

    /**
     * A name's records as a transfer holds them, in full or as a difference: a pool's first member, the SOA aside
     * (it opens and closes a transfer).
     */
    static List<Record> transferred(ZoneNode node) {
        List<Record> records = node.alternatives().get(0).all();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).getType() == Type.SOA) {
                List<Record> rest = new ArrayList<>(records);
                rest.remove(i);
                return rest;
            }
        }
        return records;
    }

    /**
     * A transfer's messages, each holding at most {@value #MESSAGE_BUDGET} bytes of records, signed as one stream;
     * each is made when the connection can take it, so the first leaves at once and a large zone is never held
     * encoded whole (the whole of 100,000 pairs was built before its first byte left: 0.3 s).
     */
    private static final class Messages implements Iterator<byte[]> {
        private final Message query;
        private final TSIG.StreamGenerator stream;
        /** Encodes the messages of an unsigned transfer; a signed one is encoded by dnsjava as it signs. */
        private final TransferEncoder encoder;
        private final SOARecord soa;
        private final Iterator<List<Record>> groups;
        private Iterator<Record> group;
        /** The record that did not fit the previous message; the opening SOA before the first. */
        private Record carried;
        private boolean closed;
        private boolean done;

        Messages(Message query, TSIG key, TSIGRecord signature, SOARecord soa, Iterator<List<Record>> groups) {
            this.query = query;
            this.stream = key == null ? null : new TSIG.StreamGenerator(key, signature);
            this.encoder = key == null ? new TransferEncoder(query.getHeader().getID(),
                    query.getHeader().getFlag(Flags.RD), query.getQuestion()) : null;
            this.soa = soa;
            this.groups = groups;
            this.group = List.<Record>of().iterator();
            this.carried = soa;
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public byte[] next() {
            if (done) {
                throw new NoSuchElementException();
            }
            List<Record> answers = new ArrayList<>();
            int budget = 0;
            for (Record record = carried != null ? carried : nextRecord(); record != null; record = nextRecord()) {
                int size = uncompressedSize(record);
                if (budget + size > MESSAGE_BUDGET && budget > 0) {
                    carried = record;
                    break;
                }
                carried = null;
                answers.add(record);
                budget += size;
            }
            done = carried == null;
            if (stream == null) {
                return encoder.encode(answers);
            }
            Message message = response(query);
            for (Record record : answers) {
                message.addRecord(record, Section.ANSWER);
            }
            stream.generate(message);
            return message.toWire();
        }

        /** The next record of the transfer, the closing SOA last; null after it. */
        private Record nextRecord() {
            while (!group.hasNext() && groups.hasNext()) {
                group = groups.next().iterator();
            }
            if (group.hasNext()) {
                return group.next();
            }
            if (closed) {
                return null;
            }
            closed = true;
            return soa;
        }
    }

    /**
     * A record's size on the wire before compression, without encoding it: the owner, the fixed fields and the
     * data (the zone holds A, AAAA, CNAME, NS and SOA records; anything else is encoded to be measured).
     */
    static int uncompressedSize(Record record) {
        int fixed = record.getName().length() + 10;
        if (record instanceof ARecord) {
            return fixed + 4;
        }
        if (record instanceof AAAARecord) {
            return fixed + 16;
        }
        if (record instanceof CNAMERecord cname) {
            return fixed + cname.getTarget().length();
        }
        if (record instanceof NSRecord ns) {
            return fixed + ns.getTarget().length();
        }
        return record.toWireCanonical().length;
    }

    /** The serial the client has, from the SOA in the IXFR's authority section; null without one. */
    private static Long clientSerial(Message query) {
        for (Record record : query.getSection(Section.AUTHORITY)) {
            if (record instanceof SOARecord soa) {
                return soa.getSerial();
            }
        }
        return null;
    }

    private static Message soaOnly(Message query, ZoneSnapshot zone) {
        Message response = response(query);
        response.addRecord(zone.node(zone.origin()).rrset(Type.SOA).get(0), Section.ANSWER);
        return response;
    }

    private static Message refused(Message query, int rcode) {
        Message response = response(query);
        response.getHeader().unsetFlag(Flags.AA);
        response.getHeader().setRcode(rcode);
        return response;
    }

    private static Message response(Message query) {
        Header header = new Header(query.getHeader().getID());
        header.setFlag(Flags.QR);
        header.setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        Message response = new Message();
        response.setHeader(header);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    private static byte[] sign(Message response, TSIG key, TSIGRecord signature) {
        if (key != null) {
            key.apply(response, signature);
        }
        return response.toWire();
    }

    private static byte[] signed(byte[] answer, TSIG key, TSIGRecord signature) {
        try {
            Message response = new Message(answer);
            key.apply(response, signature);
            return response.toWire();
        } catch (IOException impossible) {
            throw new IllegalStateException("vedns's own answer does not parse", impossible);
        }
    }

    /** BADKEY and BADSIG: NOTAUTH with the TSIG error, unsigned, for there is no key to sign with (RFC 8945 §5.3). */
    private static byte[] unsignedError(Message query, TSIGRecord signature, int error) {
        Message response = response(query);
        response.getHeader().unsetFlag(Flags.AA);
        response.getHeader().setRcode(Rcode.NOTAUTH);
        response.addRecord(new TSIGRecord(signature.getName(), signature.getDClass(), 0, signature.getAlgorithm(),
                signature.getTimeSigned(), signature.getFudge(), new byte[0], query.getHeader().getID(), error, null),
                Section.ADDITIONAL);
        return response.toWire();
    }

    /** BADTIME: NOTAUTH, signed, with the server's time (RFC 8945 §5.2.3). */
    private static byte[] signedError(Message query, TSIG key, TSIGRecord signature, int error) {
        Message response = response(query);
        response.getHeader().unsetFlag(Flags.AA);
        response.getHeader().setRcode(Rcode.NOTAUTH);
        key.apply(response, error, signature);
        return response.toWire();
    }

    private void count(int qtype, String result) {
        counters.count(Type.string(qtype).toLowerCase(Locale.ROOT), result);
    }

    private boolean allowed(InetSocketAddress from) {
        for (IpSubnetFilterRule rule : allow) {
            if (rule.matches(from)) {
                return true;
            }
        }
        return false;
    }

    private void logRefusal(InetSocketAddress from, String type, String why) {
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last > 1_000_000_000L && lastRefusalLog.compareAndSet(last, now)) {
            LOG.warn("Refused {} from {}: {} (logged at most once a second)", type, from.getAddress().getHostAddress(),
                    why);
        }
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}

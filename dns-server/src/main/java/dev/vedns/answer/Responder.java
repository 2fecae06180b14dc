package dev.vedns.answer;

import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The authoritative answer logic: a pure function from a query's bytes and a zone snapshot to the response's
 * bytes (or null when the query must be dropped). No sockets, no shared state, safe on any thread. Where the
 * RFCs leave a choice, it answers as Knot DNS does (see docs/conformance.md).
 */
public final class Responder {

    private static final int HEADER_LENGTH = Wire.HEADER_LENGTH;
    private static final FastPathFailures FAST_PATH_FAILURES = new FastPathFailures(System::nanoTime);

    private Responder() {
    }

    /**
     * The response to the first {@code length} bytes of {@code query}, written into {@code out} from its start
     * (which must hold {@link Wire#MAX_MESSAGE} bytes): its length, or -1 to send nothing (too short to answer, or
     * itself a response). The listeners reuse both arrays, so an ordinary answer allocates nothing.
     */
    public static int answer(byte[] query, int length, ZoneSnapshot zone, Transport transport, byte[] out) {
        try {
            int fast = FastPath.answer(query, length, zone, transport, out);
            if (fast >= 0) {
                return fast;
            }
        } catch (RuntimeException bug) {
            // The general path is the reference: a defect of the shortcut must not cost the answer.
            FAST_PATH_FAILURES.record(bug);
        }
        byte[] general = general(Arrays.copyOf(query, length), zone, transport);
        if (general == null) {
            return -1;
        }
        System.arraycopy(general, 0, out, 0, general.length);
        return general.length;
    }

    /** The queries the fast path failed on in this process, each answered by the general path instead. */
    public static FastPathFailures fastPathFailures() {
        return FAST_PATH_FAILURES;
    }

    /** The reference answer: parse with dnsjava, look up, encode. What the fast path must equal byte for byte. */
    public static byte[] general(byte[] query, ZoneSnapshot zone, Transport transport) {
        return general(query, zone, transport, null);
    }

    /**
     * The same, answering the question's own name from {@code pinned} (one alternative of a pooled name) rather
     * than from whichever alternative's turn it is: the fast path caches each alternative's answer apart.
     */
    static byte[] general(byte[] query, ZoneSnapshot zone, Transport transport, ZoneNode pinned) {
        if (query.length < HEADER_LENGTH) {
            return null;
        }
        if ((query[2] & 0x80) != 0) {
            // QR=1: answering responses invites loops between servers (RFC 1035 §7.3 spirit).
            return null;
        }
        Message request;
        try {
            request = new Message(query);
        } catch (Exception malformed) {
            return headerOnly(query, Rcode.FORMERR);
        }
        try {
            return answer(request, zone, transport, pinned);
        } catch (RuntimeException bug) {
            // A defect must cost one SERVFAIL, never the channel that serves every other client.
            return headerOnly(query, Rcode.SERVFAIL);
        }
    }

    private static byte[] answer(Message request, ZoneSnapshot zone, Transport transport, ZoneNode pinned) {
        Header header = request.getHeader();
        Message response = responseTo(header);
        List<Record> questions = request.getSection(Section.QUESTION);
        int optCount = countOpt(request);
        OPTRecord opt = optCount == 1 ? request.getOPT() : null;
        if (header.getOpcode() != Opcode.QUERY) {
            if (questions.size() == 1) {
                response.addRecord(questions.get(0), Section.QUESTION);
            }
            return finish(response, Rcode.NOTIMP, opt, transport);
        }
        if (questions.size() != 1 || optCount > 1) {
            return finish(response, Rcode.FORMERR, opt, transport);
        }
        Record question = questions.get(0);
        response.addRecord(question, Section.QUESTION);
        if (opt != null && opt.getVersion() != 0) {
            return finish(response, Rcode.BADVERS, opt, transport);
        }
        Name qname = question.getName();
        int qtype = question.getType();
        if (qtype == Type.AXFR || qtype == Type.IXFR) {
            // Transfers are not offered: AXFR is TCP-only (RFC 5936 §4.2), and nobody is authorised for either.
            return finish(response, qtype == Type.AXFR && transport == Transport.UDP ? Rcode.NOTIMP : Rcode.NOTAUTH,
                    opt, transport);
        }
        int qclass = question.getDClass();
        if (qclass != DClass.IN && qclass != DClass.ANY) {
            return finish(response, Rcode.REFUSED, opt, transport);
        }
        if (!qname.subdomain(zone.origin())) {
            return finish(response, Rcode.REFUSED, opt, transport, ExtendedErrorCodeOption.NOT_AUTHORITATIVE);
        }
        response.getHeader().setFlag(Flags.AA);
        LookupResult result = ZoneLookup.lookup(zone, qname, qtype, pinned);
        addAll(response, result.answer(), Section.ANSWER);
        addAll(response, result.authority(), Section.AUTHORITY);
        addAll(response, result.additional(), Section.ADDITIONAL);
        return finish(response, result.rcode(), opt, transport);
    }

    private static Message responseTo(Header query) {
        Message response = new Message(query.getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(query.getOpcode());
        if (query.getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        return response;
    }

    private static byte[] finish(Message response, int rcode, OPTRecord queryOpt, Transport transport) {
        return finish(response, rcode, queryOpt, transport, -1);
    }

    /**
     * Sets the rcode (the upper bits go into the OPT, RFC 6891 §6.1.3), adds our OPT (with an Extended DNS
     * Error, RFC 8914, when {@code extendedError} is not -1) and fits the message into the client's limit.
     */
    private static byte[] finish(Message response, int rcode, OPTRecord queryOpt, Transport transport,
                                 int extendedError) {
        response.getHeader().setRcode(rcode & 0xF);
        OPTRecord opt = null;
        if (queryOpt != null) {
            int flags = (queryOpt.getFlags() & ExtendedFlags.DO) != 0 ? ExtendedFlags.DO : 0;
            List<EDNSOption> options = extendedError < 0 ? List.of() : List.of(new ExtendedErrorCodeOption(extendedError));
            opt = new OPTRecord(Wire.MAX_UDP_PAYLOAD, rcode >>> 4, 0, flags, options);
        }
        int limit = Wire.answerLimit(transport, queryOpt == null ? -1 : queryOpt.getPayloadSize());
        if (opt != null) {
            response.addRecord(opt, Section.ADDITIONAL);
        }
        byte[] wire = response.toWire();
        return wire.length <= limit ? wire : truncated(response, opt, limit);
    }

    /**
     * The answer and authority RRsets that fit whole, in order, with TC set at the first that does not; the
     * additional section only where it fits, without TC (RFC 2181 §9). Never a partial RRset.
     */
    private static byte[] truncated(Message full, OPTRecord opt, int limit) {
        Message response = new Message(full.getHeader().getID());
        Header header = response.getHeader();
        Header fullHeader = full.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD}) {
            if (fullHeader.getFlag(flag)) {
                header.setFlag(flag);
            }
        }
        header.setOpcode(fullHeader.getOpcode());
        header.setRcode(fullHeader.getRcode());
        addAll(response, full.getSection(Section.QUESTION), Section.QUESTION);
        if (opt != null) {
            response.addRecord(opt, Section.ADDITIONAL);
        }
        boolean complete = addWhileFits(response, full, Section.ANSWER, limit)
                && addWhileFits(response, full, Section.AUTHORITY, limit);
        if (complete) {
            addWhileFits(response, full, Section.ADDITIONAL, limit);
        } else {
            header.setFlag(Flags.TC);
        }
        return response.toWire();
    }

    /** Adds the section's RRsets in order while the message stays within the limit; false at the first misfit. */
    private static boolean addWhileFits(Message response, Message full, int section, int limit) {
        for (List<Record> rrset : rrsets(full.getSection(section))) {
            addAll(response, rrset, section);
            if (response.toWire().length > limit) {
                rrset.forEach(record -> response.removeRecord(record, section));
                return false;
            }
        }
        return true;
    }

    private static List<List<Record>> rrsets(List<Record> records) {
        List<List<Record>> rrsets = new ArrayList<>();
        Record previous = null;
        for (Record record : records) {
            if (record.getType() == Type.OPT) {
                continue;
            }
            if (previous == null || !previous.sameRRset(record)) {
                rrsets.add(new ArrayList<>());
            }
            rrsets.get(rrsets.size() - 1).add(record);
            previous = record;
        }
        return rrsets;
    }

    private static void addAll(Message response, List<Record> records, int section) {
        for (Record record : records) {
            response.addRecord(record, section);
        }
    }

    private static int countOpt(Message request) {
        int count = 0;
        for (Record record : request.getSection(Section.ADDITIONAL)) {
            if (record.getType() == Type.OPT) {
                count++;
            }
        }
        return count;
    }

    /** An error built from the raw header alone, for when the rest of the packet is of no use. */
    private static byte[] headerOnly(byte[] query, int rcode) {
        byte[] response = new byte[HEADER_LENGTH];
        response[0] = query[0];
        response[1] = query[1];
        // QR, the query's opcode and RD; AA, TC and the rest cleared.
        response[2] = (byte) (0x80 | (query[2] & 0x78) | (query[2] & 0x01));
        response[3] = (byte) rcode;
        return response;
    }
}

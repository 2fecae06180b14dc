package dev.vedns.api.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A response reduced to what must match between servers: rcode, opcode, flags, question, and each section
 * as RRsets in order, with the records inside an RRset sorted (their order may legitimately differ), and
 * the OPT's fields. The message ID is left out.
 */
final class Normalized {

    private Normalized() {
    }

    static String of(byte[] wire) {
        if (wire == null) {
            return "no response";
        }
        Message message;
        try {
            message = new Message(wire);
        } catch (IOException unparsable) {
            return "unparsable response: " + unparsable.getMessage();
        }
        StringBuilder out = new StringBuilder();
        out.append(Opcode.string(message.getHeader().getOpcode())).append(' ')
                .append(Rcode.string(message.getRcode())).append(" flags:");
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD}) {
            if (message.getHeader().getFlag(flag)) {
                out.append(' ').append(Flags.string(flag));
            }
        }
        for (int section : new int[] {Section.QUESTION, Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            out.append('\n').append(Section.string(section)).append(':');
            for (List<String> rrset : rrsets(message.getSection(section))) {
                out.append("\n  ").append(String.join("\n  ", rrset));
            }
        }
        OPTRecord opt = message.getOPT();
        if (opt != null) {
            out.append("\nOPT payload=").append(opt.getPayloadSize()).append(" version=").append(opt.getVersion())
                    .append(" do=").append((opt.getFlags() & 0x8000) != 0).append(" options=");
            for (EDNSOption option : opt.getOptions()) {
                out.append(option.getCode()).append(' ');
            }
        }
        return out.toString();
    }

    /** Consecutive records of one owner, type and class form an RRset; sorted inside, kept in order outside. */
    private static List<List<String>> rrsets(List<Record> records) {
        List<List<String>> rrsets = new ArrayList<>();
        Record previous = null;
        for (Record record : records) {
            if (record.getType() == Type.OPT) {
                continue;
            }
            if (previous == null || !previous.getName().equals(record.getName())
                    || previous.getType() != record.getType() || previous.getDClass() != record.getDClass()) {
                rrsets.add(new ArrayList<>());
            }
            List<String> rrset = rrsets.get(rrsets.size() - 1);
            rrset.add(record.toString());
            rrset.sort(null);
            previous = record;
        }
        return rrsets;
    }
}

package dev.vedns.answer;

import dev.vedns.zone.AnswerSlots;
import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;

/**
 * The answer path for ordinary queries, as NSD answers: look the name up straight from the packet bytes,
 * copy a finished answer and patch the ID, RD, the question (with its original letter case) and the OPT.
 * A finished answer is what the general path answers to the same question in lower case, cached in the
 * snapshot on first use; so the fast path is byte for byte the general path, only without parsing, lookup
 * objects or encoding. Anything unusual returns null and goes the general way.
 */
final class FastPath {

    private static final int HEADER = Wire.HEADER_LENGTH;
    /**
     * A cached answer: the serial it was computed at (a node outlives a change that alters its answer, e.g.
     * the SOA of a NODATA, or the address behind a CNAME), header bytes 2-11 (flags and counts, no ID), then
     * everything after the question.
     */
    private static final int SERIAL = 4;
    private static final int ENTRY_HEADER = SERIAL + 10;
    private static final int OPT_LENGTH = Wire.OPT_LENGTH;

    private FastPath() {
    }

    /**
     * Writes the answer to the first {@code length} bytes of {@code query} into {@code out} from its start and
     * returns its length, or -1 to decline; {@code out} holds at least the transport's answer limit.
     */
    static int answer(byte[] query, int length, ZoneSnapshot zone, Transport transport, byte[] out) {
        // QR=0 and OPCODE=QUERY; one question, nothing in answer or authority, at most an OPT in additional.
        if (length < HEADER + 5 || (query[2] & 0xF8) != 0 || u16(query, 4) != 1 || u16(query, 6) != 0
                || u16(query, 8) != 0) {
            return -1;
        }
        int additional = u16(query, 10);
        int position = HEADER;
        while (true) {
            if (position >= length) {
                return -1;
            }
            int label = query[position] & 0xFF;
            if (label == 0) {
                position++;
                break;
            }
            if (label > 63) {
                return -1;
            }
            position += label + 1;
        }
        int nameLength = position - HEADER;
        if (nameLength > 255 || position + 4 > length || u16(query, position + 2) != 1) {
            return -1;
        }
        int slot = AnswerSlots.of(u16(query, position));
        position += 4;
        if (slot == AnswerSlots.NONE) {
            return -1;
        }
        int ednsPayload = -1;
        boolean edns = additional == 1;
        boolean dnssecOk = false;
        if (edns) {
            // Only a bare OPT of version 0: options and anything else take the general path, which parses them.
            if (position + OPT_LENGTH != length || query[position] != 0 || u16(query, position + 1) != Wire.OPT_TYPE
                    || query[position + 6] != 0 || u16(query, position + 9) != 0) {
                return -1;
            }
            ednsPayload = u16(query, position + 3);
            dnssecOk = (query[position + 7] & 0x80) != 0;
        } else if (additional != 0 || position != length) {
            return -1;
        }
        byte[] entry = cachedAnswer(query, nameLength, slot, zone);
        if (entry == null) {
            return -1;
        }
        int question = nameLength + 4;
        int body = entry.length - ENTRY_HEADER;
        int total = HEADER + question + body + (edns ? OPT_LENGTH : 0);
        if (total > Wire.answerLimit(transport, ednsPayload)) {
            return -1;
        }
        out[0] = query[0];
        out[1] = query[1];
        out[2] = (byte) (entry[SERIAL] | (query[2] & 0x01));
        System.arraycopy(entry, SERIAL + 1, out, 3, 9);
        System.arraycopy(query, HEADER, out, HEADER, question);
        System.arraycopy(entry, ENTRY_HEADER, out, HEADER + question, body);
        if (edns) {
            int additionalCount = u16(out, 10) + 1;
            out[10] = (byte) (additionalCount >>> 8);
            out[11] = (byte) additionalCount;
            // Every byte of the OPT is written: out is reused, so what the last answer left there must not leak.
            int opt = HEADER + question + body;
            out[opt] = 0;
            out[opt + 1] = 0;
            out[opt + 2] = (byte) Wire.OPT_TYPE;
            out[opt + 3] = (byte) (Wire.MAX_UDP_PAYLOAD >>> 8);
            out[opt + 4] = (byte) Wire.MAX_UDP_PAYLOAD;
            out[opt + 5] = 0;
            out[opt + 6] = 0;
            out[opt + 7] = (byte) (dnssecOk ? 0x80 : 0);
            out[opt + 8] = 0;
            out[opt + 9] = 0;
            out[opt + 10] = 0;
        }
        return total;
    }

    /** The finished answer for this name and slot, computed by the general path on first use; null to decline. */
    private static byte[] cachedAnswer(byte[] query, int nameLength, int slot, ZoneSnapshot zone) {
        ZoneNode found = zone.node(query, HEADER, nameLength);
        int serial = (int) zone.serial();
        if (found != null) {
            ZoneNode node = found.inTurn();
            byte[] entry = node.answer(slot);
            if (entry == null || serialOf(entry) != serial) {
                entry = compute(query, nameLength, zone, node);
                node.cacheAnswer(slot, entry);
            }
            return entry;
        }
        // Only a name the zone lacks can be outside it: every name it holds is the apex or below.
        if (!zone.contains(query, HEADER, nameLength)) {
            return null;
        }
        // An NXDOMAIN's pointers depend on where the apex starts in the name, unless the SOA's names could
        // compress against a longer part of it: those rare names go the general way.
        if (zone.negativeSoaCompressesInto(query, HEADER, nameLength)) {
            return null;
        }
        int apexOffset = nameLength - zone.originLength();
        byte[] entry = zone.nxdomainAnswer(apexOffset);
        if (entry == null || serialOf(entry) != serial) {
            entry = compute(query, nameLength, zone, null);
            zone.cacheNxdomainAnswer(apexOffset, entry);
        }
        return entry;
    }

    /**
     * Asks the general path the same question in lower case, without RD or EDNS, answered from {@code node} (null
     * for a name not in the zone), and keeps what follows it.
     */
    private static byte[] compute(byte[] query, int nameLength, ZoneSnapshot zone, ZoneNode node) {
        int question = nameLength + 4;
        byte[] canonical = new byte[HEADER + question];
        canonical[5] = 1;
        for (int i = 0; i < question; i++) {
            byte b = query[HEADER + i];
            canonical[HEADER + i] = i < nameLength && b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        }
        byte[] general = Responder.general(canonical, zone, Transport.TCP, node);
        byte[] entry = new byte[ENTRY_HEADER + general.length - HEADER - question];
        int serial = (int) zone.serial();
        entry[0] = (byte) (serial >>> 24);
        entry[1] = (byte) (serial >>> 16);
        entry[2] = (byte) (serial >>> 8);
        entry[3] = (byte) serial;
        System.arraycopy(general, 2, entry, SERIAL, ENTRY_HEADER - SERIAL);
        System.arraycopy(general, HEADER + question, entry, ENTRY_HEADER, entry.length - ENTRY_HEADER);
        return entry;
    }

    private static int serialOf(byte[] entry) {
        return (entry[0] & 0xFF) << 24 | (entry[1] & 0xFF) << 16 | (entry[2] & 0xFF) << 8 | (entry[3] & 0xFF);
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}

package dev.vedns.zone;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/**
 * The zone as DNS answers it at one serial: immutable, published whole through one reference, so a query
 * sees either all of a change or none of it.
 */
public final class ZoneSnapshot {

    private final Name origin;
    private final SOARecord soa;
    private final SOARecord negativeSoa;
    private final NameTable nodes;
    private final byte[] originWire;
    private final byte[] soaMnameWire;
    private final byte[] soaRnameWire;
    /** The names this snapshot put or removed since the one it was made from; null when compiled whole. */
    private final List<Name> changed;
    /** NXDOMAIN answers by the offset of the apex inside the question's name (their pointers depend on it). */
    private final AtomicReferenceArray<byte[]> nxdomainAnswers = new AtomicReferenceArray<>(256);
    /** The nodes in canonical order, sorted when first asked for: only transfers and zone files need it. */
    private volatile List<ZoneNode> canonical;

    ZoneSnapshot(Name origin, SOARecord soa, SOARecord negativeSoa, NameTable nodes, List<Name> changed) {
        this.changed = changed == null ? null : List.copyOf(changed);
        this.origin = origin;
        this.soa = soa;
        this.negativeSoa = negativeSoa;
        this.nodes = nodes;
        this.originWire = origin.toWireCanonical();
        this.soaMnameWire = soa.getHost().toWireCanonical();
        this.soaRnameWire = soa.getAdmin().toWireCanonical();
    }

    /**
     * Whether a name below the apex ends with the SOA's MNAME or RNAME: then an NXDOMAIN's SOA compresses
     * against that longer suffix, and its bytes are not those cached for the apex offset alone.
     */
    public boolean negativeSoaCompressesInto(byte[] wire, int offset, int length) {
        return endsWith(wire, offset, length, soaMnameWire) || endsWith(wire, offset, length, soaRnameWire);
    }

    /** The names put or removed since the snapshot this was made from (the apex among them); null when whole. */
    public List<Name> changed() {
        return changed;
    }

    /** The SOA record at the apex. */
    public SOARecord soa() {
        return soa;
    }

    public Name origin() {
        return origin;
    }

    public long serial() {
        return soa.getSerial();
    }

    /** The SOA for the authority section of negative answers, its TTL capped at MINIMUM (RFC 2308 §3). */
    public SOARecord negativeSoa() {
        return negativeSoa;
    }

    /** The node at that name (compared case-insensitively), or null when the name does not exist. */
    public ZoneNode node(Name name) {
        return nodes.get(name);
    }

    NameTable table() {
        return nodes;
    }

    /** The node whose name is the wire-format bytes at {@code offset} (any case), or null. */
    public ZoneNode node(byte[] wire, int offset, int length) {
        return nodes.get(wire, offset, length);
    }

    /** Whether the wire-format name at {@code offset} is the apex or below it, compared without case. */
    public boolean contains(byte[] wire, int offset, int length) {
        return endsWith(wire, offset, length, originWire);
    }

    /** The apex's wire form, lower case. */
    public int originLength() {
        return originWire.length;
    }

    /**
     * Whether the wire-format name at {@code offset} ends with the name {@code suffix} (lower-case wire form),
     * at a label boundary, compared without case.
     */
    public static boolean endsWith(byte[] wire, int offset, int length, byte[] suffix) {
        int start = offset + length - suffix.length;
        if (start < offset) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if ((suffix[i] & 0xFF) != NameTable.lower(wire[start + i])) {
                return false;
            }
        }
        for (int position = offset; position <= start; position += (wire[position] & 0xFF) + 1) {
            if (position == start) {
                return true;
            }
        }
        return false;
    }

    /** The NXDOMAIN answer cached for names whose apex begins {@code apexOffset} bytes into the name, or null. */
    public byte[] nxdomainAnswer(int apexOffset) {
        return nxdomainAnswers.get(apexOffset);
    }

    public void cacheNxdomainAnswer(int apexOffset, byte[] answer) {
        nxdomainAnswers.set(apexOffset, answer);
    }

    /** How many owner names the zone has, empty non-terminals included. */
    public int nameCount() {
        return nodes.size();
    }

    /** Every node in canonical order (RFC 4034 §6.1), the apex first: a transfer's and a zone file's order. */
    public List<ZoneNode> nodesInCanonicalOrder() {
        List<ZoneNode> sorted = canonical;
        if (sorted == null) {
            // Two transfers starting at once may both sort: the same list, and cheaper than a lock on every call.
            sorted = CanonicalOrder.of(nodes.nodes());
            canonical = sorted;
        }
        return sorted;
    }

    /** Every owner name, empty non-terminals included. */
    public List<Name> names() {
        return nodes.nodes().stream().map(ZoneNode::name).toList();
    }
}

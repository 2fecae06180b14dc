package dev.vedns.zone;

import java.util.Arrays;
import java.util.List;

/**
 * Sorts a zone's nodes into canonical order (RFC 4034 §6.1), the order a zone file and a transfer list them in.
 * A Knot secondary loads a transfer in that order in a third of the time it takes for the same records in the
 * name table's order (0.5 s against 1.7-1.9 s at 100,000 pairs). Each name is first made into a key whose bytes
 * compare as the order does: its labels from the last, each followed by a zero byte, so that a label sorts before
 * the longer ones it begins. dnsjava's {@code Name.compareTo} finds both names' labels again at each comparison: at
 * 100,000 pairs a sort with it held the first message back by over a second.
 */
final class CanonicalOrder {

    private CanonicalOrder() {
    }

    /**
     * {@code nodes} in canonical order. The keys are exact for names whose labels hold no zero byte, and every
     * name below the apex is a hostname label (see {@code Names}); the apex's own labels, zero bytes or not, are
     * the same at the end of every name, so they never decide an order.
     */
    static List<ZoneNode> of(List<ZoneNode> nodes) {
        Keyed[] keyed = new Keyed[nodes.size()];
        for (int i = 0; i < keyed.length; i++) {
            ZoneNode node = nodes.get(i);
            keyed[i] = new Keyed(key(node.key()), node);
        }
        Arrays.sort(keyed, (a, b) -> Arrays.compareUnsigned(a.key, b.key));
        ZoneNode[] sorted = new ZoneNode[keyed.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = keyed[i].node;
        }
        return List.of(sorted);
    }

    /** The labels of a lower-cased wire name, last first, each followed by a zero byte. */
    static byte[] key(byte[] wire) {
        byte[] key = new byte[wire.length - 1];
        int end = key.length;
        for (int at = 0; wire[at] != 0; at += wire[at] + 1) {
            int length = wire[at];
            end -= length + 1;
            System.arraycopy(wire, at + 1, key, end, length);
        }
        return key;
    }

    private record Keyed(byte[] key, ZoneNode node) {
    }
}

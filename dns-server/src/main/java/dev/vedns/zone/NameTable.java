package dev.vedns.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The zone's names in an open-addressing table keyed by their lower-cased wire form, so a query's name can be
 * looked up straight from the packet bytes: no parsing into objects, no allocation, letter case ignored.
 */
final class NameTable {

    private final byte[][] keys;
    private final ZoneNode[] values;
    private final int mask;

    NameTable(Collection<ZoneNode> nodes) {
        int capacity = Integer.highestOneBit(Math.max(4, nodes.size() * 2 - 1)) << 1;
        keys = new byte[capacity][];
        values = new ZoneNode[capacity];
        mask = capacity - 1;
        for (ZoneNode node : nodes) {
            byte[] key = node.name().toWireCanonical();
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = node;
        }
    }

    /** Every node, in no particular order. */
    List<ZoneNode> nodes() {
        List<ZoneNode> nodes = new ArrayList<>();
        for (ZoneNode node : values) {
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The node whose name is the {@code length} wire-format bytes at {@code offset}, in any case; or null. */
    ZoneNode get(byte[] wire, int offset, int length) {
        int slot = hash(wire, offset, length) & mask;
        for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
            if (equalsIgnoreCase(key, wire, offset, length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    ZoneNode get(Name name) {
        byte[] wire = name.toWireCanonical();
        return get(wire, 0, wire.length);
    }

    /** FNV-1a over the lower-cased bytes (label lengths included: they are below 'A', so lowering keeps them). */
    private static int hash(byte[] wire, int offset, int length) {
        int hash = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++) {
            hash = (hash ^ lower(wire[i])) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    private static boolean equalsIgnoreCase(byte[] key, byte[] wire, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((key[i] & 0xFF) != lower(wire[offset + i])) {
                return false;
            }
        }
        return true;
    }

    static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b & 0xFF;
    }
}

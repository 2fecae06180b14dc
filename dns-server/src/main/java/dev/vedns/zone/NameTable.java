package dev.vedns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.xbill.DNS.Name;

/**
 * The zone's names, keyed by their lower-cased wire form, so a query's name is looked up straight from the
 * packet bytes: no parsing into objects, no allocation, letter case ignored. The names are spread over
 * fixed segments, each a small open-addressing table; a change rebuilds only the segments it touches and
 * shares the rest with the previous table, so it costs the same however large the zone.
 */
final class NameTable {

    private static final int SEGMENTS = 1024;

    /**
     * Each segment is an open-addressing table with linear probing, immutable: an array of nodes, each holding
     * its key. A hit reads the segment's slot, the node and its key, and nothing else: with names looked up at
     * random, every extra object on that path is a cache miss (measured: the answer path took 17 per cent of the
     * DNS loop's CPU with names asked at random, 3 per cent with one name asked over and over).
     */
    private final ZoneNode[][] segments;
    private final int size;

    /**
     * A whole zone's table. The nodes are grouped by segment through counted arrays (no map of lists), and
     * the segments, being independent, are built on every core.
     */
    NameTable(List<ZoneNode> nodes) {
        int[] hashes = new int[nodes.size()];
        IntStream.range(0, hashes.length).parallel().forEach(i -> hashes[i] = hash(nodes.get(i).key()));
        int[] counts = new int[SEGMENTS];
        for (int hash : hashes) {
            counts[hash & (SEGMENTS - 1)]++;
        }
        ZoneNode[][] groups = new ZoneNode[SEGMENTS][];
        int[] filled = new int[SEGMENTS];
        for (int i = 0; i < hashes.length; i++) {
            int index = hashes[i] & (SEGMENTS - 1);
            if (groups[index] == null) {
                groups[index] = new ZoneNode[counts[index]];
            }
            groups[index][filled[index]++] = nodes.get(i);
        }
        segments = new ZoneNode[SEGMENTS][];
        IntStream.range(0, SEGMENTS).parallel().filter(index -> groups[index] != null)
                .forEach(index -> segments[index] = segment(Arrays.asList(groups[index])));
        size = nodes.size();
    }

    private NameTable(ZoneNode[][] base, int size, Map<Integer, List<ZoneNode>> rebuilt) {
        segments = base;
        for (Map.Entry<Integer, List<ZoneNode>> entry : rebuilt.entrySet()) {
            int index = entry.getKey();
            List<ZoneNode> nodes = entry.getValue();
            size += nodes.size() - count(segments[index]);
            segments[index] = nodes.isEmpty() ? null : segment(nodes);
        }
        this.size = size;
    }

    /** A table of twice as many slots as nodes, at least, so that probes stay short. */
    private static ZoneNode[] segment(List<ZoneNode> nodes) {
        ZoneNode[] slots = new ZoneNode[Integer.highestOneBit(Math.max(2, nodes.size() * 2 - 1)) << 1];
        int mask = slots.length - 1;
        for (ZoneNode node : nodes) {
            int slot = slot(hash(node.key())) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = node;
        }
        return slots;
    }

    private static int count(ZoneNode[] segment) {
        int count = 0;
        if (segment != null) {
            for (ZoneNode node : segment) {
                count += node == null ? 0 : 1;
            }
        }
        return count;
    }

    private static void addNodes(ZoneNode[] segment, List<ZoneNode> nodes) {
        for (ZoneNode node : segment) {
            if (node != null) {
                nodes.add(node);
            }
        }
    }

    /** This table with {@code puts} added or replaced and {@code removes} gone; untouched segments are shared. */
    NameTable with(Collection<ZoneNode> puts, Collection<Name> removes) {
        Map<Integer, Map<Name, ZoneNode>> touched = new HashMap<>();
        for (ZoneNode node : puts) {
            segmentContents(touched, segmentOf(node.name())).put(node.name(), node);
        }
        for (Name name : removes) {
            segmentContents(touched, segmentOf(name)).remove(name);
        }
        Map<Integer, List<ZoneNode>> rebuilt = new HashMap<>();
        touched.forEach((index, contents) -> rebuilt.put(index, new ArrayList<>(contents.values())));
        return new NameTable(segments.clone(), size, rebuilt);
    }

    private Map<Name, ZoneNode> segmentContents(Map<Integer, Map<Name, ZoneNode>> touched, int index) {
        return touched.computeIfAbsent(index, i -> {
            Map<Name, ZoneNode> contents = new HashMap<>();
            if (segments[i] != null) {
                List<ZoneNode> nodes = new ArrayList<>();
                addNodes(segments[i], nodes);
                nodes.forEach(node -> contents.put(node.name(), node));
            }
            return contents;
        });
    }

    /** The node whose name is the {@code length} wire-format bytes at {@code offset}, in any case; or null. */
    ZoneNode get(byte[] wire, int offset, int length) {
        int hash = hash(wire, offset, length);
        ZoneNode[] segment = segments[hash & (SEGMENTS - 1)];
        if (segment == null) {
            return null;
        }
        int mask = segment.length - 1;
        int slot = slot(hash) & mask;
        for (ZoneNode node = segment[slot]; node != null; node = segment[slot]) {
            if (equalsIgnoreCase(node.key(), wire, offset, length)) {
                return node;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    ZoneNode get(Name name) {
        byte[] wire = name.toWireCanonical();
        return get(wire, 0, wire.length);
    }

    /** How many names the table holds. */
    int size() {
        return size;
    }

    /** Every node, in no particular order. */
    List<ZoneNode> nodes() {
        List<ZoneNode> nodes = new ArrayList<>();
        for (ZoneNode[] segment : segments) {
            if (segment != null) {
                addNodes(segment, nodes);
            }
        }
        return nodes;
    }

    private static int segmentOf(Name name) {
        return hash(name.toWireCanonical()) & (SEGMENTS - 1);
    }

    private static int hash(byte[] key) {
        return hash(key, 0, key.length);
    }

    /** The segment takes the low bits of the hash; the slot inside it, the others. */
    private static int slot(int hash) {
        return hash >>> 10;
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

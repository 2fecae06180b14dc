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
 * fixed segments, each a small open-addressing table; a change copies only the segments it touches and
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
     * A whole zone's table. The nodes are grouped by segment through counted arrays (no map of lists), each
     * node's hash computed once for both its segment and its slot (hashing each twice made 50 of the 630 ms of a
     * cold compile at 100,000 pairs), and the segments, being independent, are built on every core.
     */
    NameTable(List<ZoneNode> nodes) {
        int[] hashes = new int[nodes.size()];
        IntStream.range(0, hashes.length).parallel().forEach(i -> hashes[i] = hash(nodes.get(i).key()));
        int[] counts = new int[SEGMENTS];
        for (int hash : hashes) {
            counts[hash & (SEGMENTS - 1)]++;
        }
        int[][] groups = new int[SEGMENTS][];
        int[] filled = new int[SEGMENTS];
        for (int i = 0; i < hashes.length; i++) {
            int index = hashes[i] & (SEGMENTS - 1);
            if (groups[index] == null) {
                groups[index] = new int[counts[index]];
            }
            groups[index][filled[index]++] = i;
        }
        segments = new ZoneNode[SEGMENTS][];
        IntStream.range(0, SEGMENTS).parallel().filter(index -> groups[index] != null).forEach(index -> {
            ZoneNode[] slots = slots(groups[index].length);
            for (int i : groups[index]) {
                place(slots, nodes.get(i), hashes[i]);
            }
            segments[index] = slots;
        });
        size = nodes.size();
    }

    private NameTable(ZoneNode[][] segments, int size) {
        this.segments = segments;
        this.size = size;
    }

    /** A table of twice as many slots as nodes, at least, so that probes stay short. */
    private static ZoneNode[] slots(int nodes) {
        return new ZoneNode[Integer.highestOneBit(Math.max(2, nodes * 2 - 1)) << 1];
    }

    /** Puts the node into its slot, in place of a node of the same name: 1 when the name is new to the segment. */
    private static int place(ZoneNode[] slots, ZoneNode node) {
        return place(slots, node, hash(node.key()));
    }

    private static int place(ZoneNode[] slots, ZoneNode node, int hash) {
        int mask = slots.length - 1;
        int slot = slot(hash) & mask;
        for (ZoneNode there = slots[slot]; there != null; there = slots[slot]) {
            if (Arrays.equals(there.key(), node.key())) {
                slots[slot] = node;
                return 0;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = node;
        return 1;
    }

    private static int count(ZoneNode[] segment) {
        int count = 0;
        for (ZoneNode node : segment) {
            count += node == null ? 0 : 1;
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

    /**
     * This table with {@code puts} added or replaced (a later put of a name wins) and {@code removes} gone (a
     * remove wins over a put of the same name); untouched segments are shared. A touched segment is copied
     * slot for slot and changed in place, so a change reads only the nodes on its own probe paths: rehashing
     * every node of a segment from its key, each a cache miss, made most of a change's time at 100,000 pairs.
     */
    NameTable with(Collection<ZoneNode> puts, Collection<Name> removes) {
        Map<Integer, List<ZoneNode>> putsBySegment = new HashMap<>();
        Map<Integer, List<byte[]>> removesBySegment = new HashMap<>();
        for (ZoneNode node : puts) {
            putsBySegment.computeIfAbsent(segmentOf(node.key()), index -> new ArrayList<>()).add(node);
        }
        for (Name name : removes) {
            byte[] key = name.toWireCanonical();
            int segment = segmentOf(key);
            removesBySegment.computeIfAbsent(segment, index -> new ArrayList<>()).add(key);
            putsBySegment.putIfAbsent(segment, List.of());
        }
        ZoneNode[][] next = segments.clone();
        int size = this.size;
        for (Map.Entry<Integer, List<ZoneNode>> touched : putsBySegment.entrySet()) {
            int index = touched.getKey();
            ZoneNode[] old = segments[index];
            int before = old == null ? 0 : count(old);
            ZoneNode[] slots = roomy(old, before + touched.getValue().size());
            int after = before;
            for (ZoneNode node : touched.getValue()) {
                after += place(slots, node);
            }
            for (byte[] key : removesBySegment.getOrDefault(index, List.of())) {
                after -= remove(slots, key);
            }
            size += after - before;
            next[index] = after == 0 ? null : slots;
        }
        return new NameTable(next, size);
    }

    /** A copy of the segment with room for {@code nodes}: the same slots while they stay half empty. */
    private static ZoneNode[] roomy(ZoneNode[] segment, int nodes) {
        if (segment != null && nodes * 2 <= segment.length) {
            return segment.clone();
        }
        ZoneNode[] slots = slots(nodes);
        if (segment != null) {
            for (ZoneNode node : segment) {
                if (node != null) {
                    place(slots, node);
                }
            }
        }
        return slots;
    }

    /**
     * Takes the name's node out, 1 when it was there; the nodes after it in its run move back into the gap
     * when their own slot is not past it (backward-shift deletion), so every probe still ends at an empty slot.
     */
    private static int remove(ZoneNode[] slots, byte[] key) {
        int mask = slots.length - 1;
        int hole = slot(hash(key)) & mask;
        while (slots[hole] != null && !Arrays.equals(slots[hole].key(), key)) {
            hole = (hole + 1) & mask;
        }
        if (slots[hole] == null) {
            return 0;
        }
        for (int next = (hole + 1) & mask; slots[next] != null; next = (next + 1) & mask) {
            int home = slot(hash(slots[next].key())) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = null;
        return 1;
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

    private static int segmentOf(byte[] key) {
        return hash(key) & (SEGMENTS - 1);
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

package dev.vedns.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An immutable map that a change copies only in part: the keys are spread over fixed segments, and
 * {@link #with}/{@link #without} copy the one segment they touch and share all others with the old map. So
 * a change costs O(size / segments), and comparing two maps skips every segment they share. Each segment is an
 * open-addressing table of keys and values side by side: two references an entry where a hash map's node took
 * 32 bytes and its table more (15 MB less live heap at 100,000 pairs).
 */
final class SegmentedMap<V> {

    private static final int SEGMENTS = 1024;
    private static final SegmentedMap<?> EMPTY = new SegmentedMap<>(new Object[SEGMENTS][], 0);

    /** Per segment, null or {key, value, key, value, ...} with linear probing; at most half the slots used. */
    private final Object[][] segments;
    private final int size;

    private SegmentedMap(Object[][] segments, int size) {
        this.segments = segments;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> SegmentedMap<V> empty() {
        return (SegmentedMap<V>) EMPTY;
    }

    /** The map of these values under their keys (a later value wins a repeated key), each segment sized once. */
    static <V> SegmentedMap<V> of(Collection<V> values, Function<V, String> keyOf) {
        String[] keys = new String[values.size()];
        int[] counts = new int[SEGMENTS];
        int i = 0;
        for (V value : values) {
            keys[i] = keyOf.apply(value);
            counts[segment(keys[i++])]++;
        }
        Object[][] segments = new Object[SEGMENTS][];
        int size = 0;
        i = 0;
        for (V value : values) {
            String key = keys[i++];
            int index = segment(key);
            if (segments[index] == null) {
                segments[index] = table(counts[index]);
            }
            size += put(segments[index], key, value);
        }
        return new SegmentedMap<>(segments, size);
    }

    V get(String key) {
        return valueIn(segments[segment(key)], key);
    }

    int size() {
        return size;
    }

    SegmentedMap<V> with(String key, V value) {
        int index = segment(key);
        Object[] old = segments[index];
        int count = count(old);
        Object[] table;
        if (old != null && (count + 1) * 4 <= old.length) {
            table = old.clone();
        } else {
            table = table(count + 1);
            copyInto(old, table, null);
        }
        boolean added = put(table, key, value) == 1;
        Object[][] next = segments.clone();
        next[index] = table;
        return new SegmentedMap<>(next, added ? size + 1 : size);
    }

    SegmentedMap<V> without(String key) {
        int index = segment(key);
        Object[] old = segments[index];
        if (old == null || find(old, key) < 0) {
            return this;
        }
        int count = count(old) - 1;
        Object[] table = null;
        if (count > 0) {
            table = table(count);
            copyInto(old, table, key);
        }
        Object[][] next = segments.clone();
        next[index] = table;
        return new SegmentedMap<>(next, size - 1);
    }

    /** Every value, in no particular order. */
    List<V> values() {
        List<V> values = new ArrayList<>(size);
        for (Object[] table : segments) {
            SegmentedMap.<V>forEach(table, (key, value) -> values.add(value));
        }
        return values;
    }

    /**
     * Calls {@code changed} with (old, new) for every key whose value differs between the two maps (null for
     * a side without the key), visiting only the segments the maps do not share.
     */
    static <V> void differences(SegmentedMap<V> before, SegmentedMap<V> after, BiConsumer<V, V> changed) {
        for (int i = 0; i < SEGMENTS; i++) {
            Object[] old = before.segments[i];
            Object[] now = after.segments[i];
            if (old == now) {
                continue;
            }
            SegmentedMap.<V>forEach(now, (key, value) -> {
                V previous = valueIn(old, key);
                if (!value.equals(previous)) {
                    changed.accept(previous, value);
                }
            });
            SegmentedMap.<V>forEach(old, (key, value) -> {
                if (now == null || find(now, key) < 0) {
                    changed.accept(value, null);
                }
            });
        }
    }

    /** A table for {@code count} entries: twice as many slots, at least, so that probes stay short. */
    private static Object[] table(int count) {
        return new Object[Integer.highestOneBit(Math.max(1, count * 2 - 1)) << 2];
    }

    /** Puts the entry in, over the same key's: 1 when the key is new to the table. */
    private static int put(Object[] table, String key, Object value) {
        int mask = table.length - 2;
        int at = slot(key) & mask;
        for (Object there = table[at]; there != null; there = table[at]) {
            if (there.equals(key)) {
                table[at + 1] = value;
                return 0;
            }
            at = (at + 2) & mask;
        }
        table[at] = key;
        table[at + 1] = value;
        return 1;
    }

    /** Where the key is in the table, or -1. */
    private static int find(Object[] table, String key) {
        int mask = table.length - 2;
        int at = slot(key) & mask;
        for (Object there = table[at]; there != null; there = table[at]) {
            if (there.equals(key)) {
                return at;
            }
            at = (at + 2) & mask;
        }
        return -1;
    }

    private static <V> V valueIn(Object[] table, String key) {
        if (table == null) {
            return null;
        }
        int at = find(table, key);
        @SuppressWarnings("unchecked")
        V value = at < 0 ? null : (V) table[at + 1];
        return value;
    }

    private static void copyInto(Object[] from, Object[] to, String leftOut) {
        forEach(from, (key, value) -> {
            if (!key.equals(leftOut)) {
                put(to, key, value);
            }
        });
    }

    private static int count(Object[] table) {
        int count = 0;
        if (table != null) {
            for (int at = 0; at < table.length; at += 2) {
                count += table[at] == null ? 0 : 1;
            }
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static <V> void forEach(Object[] table, BiConsumer<String, V> action) {
        if (table != null) {
            for (int at = 0; at < table.length; at += 2) {
                if (table[at] != null) {
                    action.accept((String) table[at], (V) table[at + 1]);
                }
            }
        }
    }

    /**
     * The top bits of a multiplicative mix pick the segment; the slot inside it takes the low bits of the key's
     * hash, which keys sharing a segment do not also share. An even number: keys sit at even slots.
     */
    private static int segment(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> 22;
    }

    private static int slot(String key) {
        int hash = key.hashCode();
        return (hash ^ hash >>> 16) << 1;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SegmentedMap<?> map) || map.size != size) {
            return false;
        }
        for (int i = 0; i < SEGMENTS; i++) {
            Object[] mine = segments[i];
            Object[] theirs = map.segments[i];
            if (mine != theirs && !sameEntries(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEntries(Object[] one, Object[] other) {
        if (count(one) != count(other)) {
            return false;
        }
        boolean[] same = {true};
        forEach(one, (key, value) -> same[0] &= value.equals(valueIn(other, key)));
        return same[0];
    }

    /** As a map's: the sum over its entries of the key's hash exclusive-or the value's. */
    @Override
    public int hashCode() {
        int[] hash = {0};
        for (Object[] table : segments) {
            forEach(table, (key, value) -> hash[0] += key.hashCode() ^ value.hashCode());
        }
        return hash[0];
    }
}

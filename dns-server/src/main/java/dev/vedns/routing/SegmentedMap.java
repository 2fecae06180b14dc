package dev.vedns.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An immutable map that a change copies only in part: the keys are spread over fixed segments, and
 * {@link #with}/{@link #without} copy the one segment they touch and share all others with the old map. So
 * a change costs O(size / segments), and comparing two maps skips every segment they share.
 */
final class SegmentedMap<V> {

    private static final int SEGMENTS = 1024;
    private static final SegmentedMap<?> EMPTY = new SegmentedMap<>(new Map<?, ?>[SEGMENTS], 0);

    private final Map<String, V>[] segments;
    private final int size;

    private SegmentedMap(Map<?, ?>[] segments, int size) {
        @SuppressWarnings("unchecked")
        Map<String, V>[] typed = (Map<String, V>[]) segments;
        this.segments = typed;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> SegmentedMap<V> empty() {
        return (SegmentedMap<V>) EMPTY;
    }

    /** The map of these values under their keys (a later value wins a repeated key), each segment sized once. */
    static <V> SegmentedMap<V> of(Collection<V> values, Function<V, String> keyOf) {
        int[] segmentOf = new int[values.size()];
        int[] counts = new int[SEGMENTS];
        int i = 0;
        for (V value : values) {
            int segment = segment(keyOf.apply(value));
            segmentOf[i++] = segment;
            counts[segment]++;
        }
        Map<?, ?>[] segments = new Map<?, ?>[SEGMENTS];
        i = 0;
        for (V value : values) {
            int segment = segmentOf[i++];
            @SuppressWarnings("unchecked")
            Map<String, V> map = (Map<String, V>) segments[segment];
            if (map == null) {
                map = new HashMap<>((int) (counts[segment] / 0.75f) + 1);
                segments[segment] = map;
            }
            map.put(keyOf.apply(value), value);
        }
        int size = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            if (segments[s] != null) {
                size += segments[s].size();
                segments[s] = Collections.unmodifiableMap(segments[s]);
            }
        }
        return new SegmentedMap<>(segments, size);
    }

    V get(String key) {
        Map<String, V> segment = segments[segment(key)];
        return segment == null ? null : segment.get(key);
    }

    int size() {
        return size;
    }

    SegmentedMap<V> with(String key, V value) {
        int index = segment(key);
        Map<String, V> old = segments[index];
        Map<String, V> copy = old == null ? new HashMap<>(4) : new HashMap<>(old);
        boolean added = copy.put(key, value) == null;
        Map<?, ?>[] next = segments.clone();
        next[index] = Collections.unmodifiableMap(copy);
        return new SegmentedMap<>(next, added ? size + 1 : size);
    }

    SegmentedMap<V> without(String key) {
        int index = segment(key);
        Map<String, V> old = segments[index];
        if (old == null || !old.containsKey(key)) {
            return this;
        }
        Map<String, V> copy = new HashMap<>(old);
        copy.remove(key);
        Map<?, ?>[] next = segments.clone();
        next[index] = copy.isEmpty() ? null : Collections.unmodifiableMap(copy);
        return new SegmentedMap<>(next, size - 1);
    }

    /** Every value, in no particular order. */
    List<V> values() {
        List<V> values = new ArrayList<>(size);
        for (Map<String, V> segment : segments) {
            if (segment != null) {
                values.addAll(segment.values());
            }
        }
        return values;
    }

    /**
     * Calls {@code changed} with (old, new) for every key whose value differs between the two maps (null for
     * a side without the key), visiting only the segments the maps do not share.
     */
    static <V> void differences(SegmentedMap<V> before, SegmentedMap<V> after, BiConsumer<V, V> changed) {
        for (int i = 0; i < SEGMENTS; i++) {
            Map<String, V> old = before.segments[i];
            Map<String, V> now = after.segments[i];
            if (old == now) {
                continue;
            }
            Map<String, V> oldMap = old == null ? Map.of() : old;
            Map<String, V> nowMap = now == null ? Map.of() : now;
            nowMap.forEach((key, value) -> {
                V previous = oldMap.get(key);
                if (!value.equals(previous)) {
                    changed.accept(previous, value);
                }
            });
            oldMap.forEach((key, value) -> {
                if (!nowMap.containsKey(key)) {
                    changed.accept(value, null);
                }
            });
        }
    }

    /**
     * The top bits of a multiplicative mix: independent of the low bits that each segment's HashMap indexes
     * its buckets by, so keys sharing a segment do not also share buckets.
     */
    private static int segment(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> 22;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SegmentedMap<?> map) || map.size != size) {
            return false;
        }
        for (int i = 0; i < SEGMENTS; i++) {
            Map<?, ?> mine = segments[i] == null ? Map.of() : segments[i];
            Map<?, ?> theirs = map.segments[i] == null ? Map.of() : map.segments[i];
            if (mine != theirs && !mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map<String, V> segment : segments) {
            if (segment != null) {
                hash += segment.hashCode();
            }
        }
        return hash;
    }
}

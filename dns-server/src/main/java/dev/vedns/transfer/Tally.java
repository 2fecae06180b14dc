package dev.vedns.transfer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by two labels, such as a transfer's type and result or a NOTIFY's target and result: kept without locks,
 * read whole for a scrape.
 */
public final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String first, String second) {
        counts.computeIfAbsent(first + "|" + second, key -> new LongAdder()).increment();
    }

    /** Every count so far, keyed {@code first|second}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> all = new TreeMap<>();
        counts.forEach((key, count) -> all.put(key, count.sum()));
        return all;
    }
}

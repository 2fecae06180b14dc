package dev.vedns.transfer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.Type;

/** Transfers answered, by type (axfr, ixfr, or the signed query's type) and result (full, current, refused, badsig). */
public final class TransferCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(int qtype, String result) {
        counts.computeIfAbsent(Type.string(qtype).toLowerCase(Locale.ROOT) + "|" + result,
                key -> new LongAdder()).increment();
    }

    /** Every count so far, keyed {@code type|result}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> all = new TreeMap<>();
        counts.forEach((key, count) -> all.put(key, count.sum()));
        return all;
    }
}

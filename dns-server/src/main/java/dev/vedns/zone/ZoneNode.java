package dev.vedns.zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;

/** The RRsets at one owner name; an empty node is an empty non-terminal. Immutable once compiled. */
public final class ZoneNode {

    private final Map<Integer, List<Record>> rrsets;
    private final List<Record> all;

    ZoneNode(Map<Integer, List<Record>> rrsets) {
        Map<Integer, List<Record>> copy = new LinkedHashMap<>();
        List<Record> every = new ArrayList<>();
        rrsets.forEach((type, records) -> {
            copy.put(type, List.copyOf(records));
            every.addAll(records);
        });
        this.rrsets = Collections.unmodifiableMap(copy);
        this.all = List.copyOf(every);
    }

    /** The RRset of that type, or null. */
    public List<Record> rrset(int type) {
        return rrsets.get(type);
    }

    /** Every record at this name, RRset by RRset: the answer to ANY. */
    public List<Record> all() {
        return all;
    }

    public boolean isEmptyNonTerminal() {
        return rrsets.isEmpty();
    }
}

package dev.vedns.zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The RRsets at one owner name; an empty node is an empty non-terminal. Immutable once compiled, but for a
 * cache of finished answers that the fast path fills on first use (see {@code FastPath}).
 */
public final class ZoneNode {

    private final Name name;
    private final Map<Integer, List<Record>> rrsets;
    private final List<Record> all;
    private final AtomicReferenceArray<byte[]> answers;

    ZoneNode(Name name, Map<Integer, List<Record>> rrsets, int answerSlots) {
        this.name = name;
        this.answers = new AtomicReferenceArray<>(answerSlots);
        Map<Integer, List<Record>> copy = new LinkedHashMap<>();
        List<Record> every = new ArrayList<>();
        rrsets.forEach((type, records) -> {
            copy.put(type, List.copyOf(records));
            every.addAll(records);
        });
        this.rrsets = Collections.unmodifiableMap(copy);
        this.all = List.copyOf(every);
    }

    public Name name() {
        return name;
    }

    /** A finished answer cached in that slot, or null when none is yet. */
    public byte[] answer(int slot) {
        return answers.get(slot);
    }

    /** Caches a finished answer; any thread may race to fill a slot, and all compute the same bytes. */
    public void cacheAnswer(int slot, byte[] answer) {
        answers.set(slot, answer);
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

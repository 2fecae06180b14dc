package dev.vedns.zone;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The RRsets at one owner name; a node without RRsets is an empty non-terminal. Immutable once compiled, but
 * for a cache of finished answers that the fast path fills on first use (see {@code FastPath}). Kept compact:
 * a zone of 100,000 pairs has 400,000 of these. A pooled reader's name is a node that answers as one of its
 * alternatives in turn ({@link #inTurn}), each a node of its own with its own cached answers.
 */
public final class ZoneNode {

    private static final int[] NO_TYPES = {};
    /**
     * Nearly every name holds one RRset of one of these types: its types are one of these arrays, shared, rather
     * than an array of its own (24 bytes a name, 9.6 MB at 100,000 pairs).
     */
    private static final int[][] ONE_TYPE = {{Type.A}, {Type.AAAA}, {Type.CNAME}, {Type.NS}, {Type.SOA}};
    /** Counters per pooled name: enough that event loops rarely share one. */
    private static final int STRIPES = 16;
    /** Ints between two counters: 64 bytes, a cache line, so that two loops never write the same line. */
    private static final int STRIDE = 16;
    /**
     * The cache is a plain array read with acquire and written with release (a plain load and store on x86)
     * rather than an AtomicReferenceArray: one object less between a query and its answer, one cache miss less.
     */
    private static final VarHandle CACHE;
    private static final VarHandle CACHE_SLOT = MethodHandles.arrayElementVarHandle(byte[][].class);

    static {
        try {
            CACHE = MethodHandles.lookup().findVarHandle(ZoneNode.class, "answers", byte[][].class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final Name name;
    /** The name's lower-cased wire form: the name table's key, made once per node. */
    private final byte[] key;
    private final int[] types;
    /**
     * The RRsets, in the least that holds them: the record itself when the name holds one RRset of one record
     * (nearly every name), that RRset's list when it holds one RRset, an array of lists otherwise. At 100,000 pairs
     * the array and the list of one each took 9.6 MB.
     */
    private final Object records;
    /** Only through CACHE and CACHE_SLOT. */
    private byte[][] answers;
    private final ZoneNode[] alternatives;
    /**
     * The next alternative, one counter per event loop (striped by thread, each on a cache line of its own), read
     * and written without a lock or a barrier: each loop hands out the alternatives in turn, so the spread is even
     * and no query waits for another core. Null for a name without alternatives.
     */
    private final int[] turns;

    ZoneNode(Name name, List<List<Record>> rrsets) {
        this.name = name;
        this.key = name.toWireCanonical();
        this.types = rrsets.size() == 1 ? oneType(rrsets.get(0).get(0).getType()) : types(rrsets);
        this.records = compact(rrsets);
        this.alternatives = null;
        this.turns = null;
    }

    @SuppressWarnings("unchecked")
    private static Object compact(List<List<Record>> rrsets) {
        if (rrsets.size() == 1) {
            List<Record> rrset = rrsets.get(0);
            return rrset.size() == 1 ? rrset.get(0) : List.copyOf(rrset);
        }
        List<Record>[] all = new List[rrsets.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = List.copyOf(rrsets.get(i));
        }
        return all;
    }

    /** The shared array for one type, so a name of one RRset allocates none (a compile makes 400,000 of them). */
    private static int[] oneType(int type) {
        for (int[] one : ONE_TYPE) {
            if (one[0] == type) {
                return one;
            }
        }
        return new int[] {type};
    }

    private static int[] types(List<List<Record>> rrsets) {
        int[] types = rrsets.isEmpty() ? NO_TYPES : new int[rrsets.size()];
        for (int i = 0; i < rrsets.size(); i++) {
            types[i] = rrsets.get(i).get(0).getType();
        }
        return types;
    }

    /** A name answered as each of {@code alternatives} in turn; each has this name as its owner. */
    static ZoneNode pool(Name name, List<ZoneNode> alternatives) {
        return new ZoneNode(name, alternatives.toArray(ZoneNode[]::new));
    }

    @SuppressWarnings("unchecked")
    private ZoneNode(Name name, ZoneNode[] alternatives) {
        this.name = name;
        this.key = name.toWireCanonical();
        this.types = NO_TYPES;
        // A pool holds no records of its own: its alternatives do.
        this.records = null;
        this.alternatives = alternatives;
        this.turns = new int[STRIPES * STRIDE];
    }

    /** The node to answer from now: this one, or the next of its alternatives for this event loop. */
    public ZoneNode inTurn() {
        ZoneNode[] all = alternatives;
        if (all == null) {
            return this;
        }
        int stripe = ((int) Thread.currentThread().getId() & (STRIPES - 1)) * STRIDE;
        int next = turns[stripe];
        turns[stripe] = next + 1 >= all.length ? 0 : next + 1;
        return all[next < all.length ? next : 0];
    }

    /** Every alternative, in their order (this node alone when it has none): what a zone file lists. */
    public List<ZoneNode> alternatives() {
        return alternatives == null ? List.of(this) : List.of(alternatives);
    }

    public Name name() {
        return name;
    }

    byte[] key() {
        return key;
    }

    /** A finished answer cached in that slot, or null when none is yet. */
    public byte[] answer(int slot) {
        byte[][] cache = (byte[][]) CACHE.getAcquire(this);
        return cache == null ? null : (byte[]) CACHE_SLOT.getAcquire(cache, slot);
    }

    /** Caches a finished answer; any thread may race to fill a slot, and all compute the same bytes. */
    public void cacheAnswer(int slot, byte[] answer) {
        byte[][] cache = (byte[][]) CACHE.getAcquire(this);
        if (cache == null) {
            // Created once, by whichever event loop gets there first; the others use that one.
            CACHE.compareAndSet(this, null, new byte[AnswerSlots.COUNT][]);
            cache = (byte[][]) CACHE.getAcquire(this);
        }
        CACHE_SLOT.setRelease(cache, slot, answer);
    }

    /** The RRset of that type, or null. */
    public List<Record> rrset(int type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return rrset(records, i);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Record> rrset(Object records, int index) {
        if (records instanceof Record record) {
            return List.of(record);
        }
        return records instanceof List<?> rrset ? (List<Record>) rrset : ((List<Record>[]) records)[index];
    }

    /** Every record at this name, RRset by RRset: the answer to ANY. */
    public List<Record> all() {
        if (types.length == 1) {
            return rrset(records, 0);
        }
        List<Record> all = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            all.addAll(rrset(records, i));
        }
        return all;
    }
}

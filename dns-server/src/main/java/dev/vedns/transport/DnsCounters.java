package dev.vedns.transport;

import dev.vedns.answer.Transport;
import dev.vedns.answer.Wire;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.Type;

/**
 * What the DNS listener counts, for metrics: queries by transport and response code, by question type, the
 * malformed, the truncated, and the open TCP connections. Each count is a {@link LongAdder}, striped so the
 * event loops never contend, made up front so counting allocates nothing; they are summed only when read.
 */
public final class DnsCounters {

    /** The question types counted by name; every other type is counted as {@code other}. */
    private static final int[] TYPES = {Type.A, Type.AAAA, Type.CNAME, Type.SOA, Type.NS, Type.ANY, Type.TXT, Type.MX,
        Type.PTR, Type.SRV, Type.HTTPS, Type.AXFR, Type.IXFR};
    private static final int OTHER = TYPES.length;
    private static final int RCODES = 16;
    private static final int RCODE_MASK = 0x0F;
    private static final int TC = 0x02;
    private static final int FORMERR = 1;

    private final LongAdder[] answers = adders(Transport.values().length * RCODES);
    private final LongAdder[] types = adders(TYPES.length + 1);
    private final LongAdder malformed = new LongAdder();
    private final LongAdder truncated = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    final AtomicInteger tcpConnections = new AtomicInteger();

    /** Counts one query and what became of it; {@code response} is null for a query that was dropped. */
    void count(Transport transport, byte[] query, int queryLength, byte[] response) {
        if (response == null) {
            malformed.increment();
            return;
        }
        int rcode = response[3] & RCODE_MASK;
        answers[transport.ordinal() * RCODES + rcode].increment();
        if (rcode == FORMERR) {
            malformed.increment();
        }
        if ((response[2] & TC) != 0) {
            truncated.increment();
        }
        int type = questionType(query, queryLength);
        if (type >= 0) {
            types[slotOf(type)].increment();
        }
    }

    /** An answer withheld by response rate limiting. */
    void withheld() {
        rateLimited.increment();
    }

    /** An answer replaced by a truncated one by response rate limiting, so the client retries over TCP. */
    void slipped() {
        truncated.increment();
    }

    /**
     * Answers over {@code transport} with this response code (the header's four bits: an extended code such as
     * BADVERS counts under its low bits, as a packet capture would show it).
     */
    public long answers(Transport transport, int rcode) {
        return answers[transport.ordinal() * RCODES + rcode].sum();
    }

    /** The question types counted one by one; the rest are counted together ({@link #ofOtherTypes}). */
    public static List<Integer> countedTypes() {
        return Arrays.stream(TYPES).boxed().toList();
    }

    /** Queries whose question is of {@code type}, one of {@link #countedTypes}. */
    public long ofType(int type) {
        return types[slotOf(type)].sum();
    }

    /** Queries of any type not in {@link #countedTypes}. */
    public long ofOtherTypes() {
        return types[OTHER].sum();
    }

    private static int slotOf(int type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i] == type) {
                return i;
            }
        }
        return OTHER;
    }

    /** Queries answered FORMERR or dropped (too short to answer, or not a query at all). */
    public long malformed() {
        return malformed.sum();
    }

    /** Answers sent with TC set. */
    public long truncated() {
        return truncated.sum();
    }

    /** Answers withheld by response rate limiting (the truncated slips are counted as truncated). */
    public long rateLimited() {
        return rateLimited.sum();
    }

    public int tcpConnections() {
        return tcpConnections.get();
    }

    /** The QTYPE of the first question, or -1 when the packet holds none that can be read. */
    private static int questionType(byte[] query, int length) {
        if (length < Wire.HEADER_LENGTH + 5 || (query[4] | query[5]) == 0) {
            return -1;
        }
        int position = Wire.HEADER_LENGTH;
        while (position < length) {
            int label = query[position] & 0xFF;
            if (label == 0) {
                return position + 2 < length ? (query[position + 1] & 0xFF) << 8 | (query[position + 2] & 0xFF) : -1;
            }
            if (label > 63) {
                return -1;
            }
            position += label + 1;
        }
        return -1;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}

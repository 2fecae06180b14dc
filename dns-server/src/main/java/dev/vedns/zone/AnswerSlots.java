package dev.vedns.zone;

import org.xbill.DNS.Type;

/**
 * Which cached answer of a node serves a query type. The zone holds only SOA, NS, A, AAAA and CNAME records,
 * so every other ordinary type gets the same answer at a given node (NODATA, or the CNAME and NODATA at its
 * target): one shared slot. Transfers and meta types have no slot; they go the general way.
 */
public final class AnswerSlots {

    public static final int COUNT = 7;
    public static final int NONE = -1;
    private static final int OTHER = 6;

    private AnswerSlots() {
    }

    public static int of(int qtype) {
        return switch (qtype) {
            case Type.A -> 0;
            case Type.AAAA -> 1;
            case Type.CNAME -> 2;
            case Type.ANY -> 3;
            case Type.SOA -> 4;
            case Type.NS -> 5;
            case Type.AXFR, Type.IXFR, Type.OPT, Type.MAILA, Type.MAILB, Type.TSIG, Type.TKEY -> NONE;
            default -> OTHER;
        };
    }
}

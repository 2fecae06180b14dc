package dev.vedns.answer;

/** The sizes of the DNS wire format that the answer paths and the listeners share. */
public final class Wire {

    public static final int HEADER_LENGTH = 12;
    /** The most a UDP answer may carry for a client that sent no EDNS (RFC 1035 §4.2.1). */
    public static final int MIN_UDP_PAYLOAD = 512;
    /** The EDNS payload we advertise and honour at most over UDP: the DNS Flag Day 2020 value. */
    public static final int MAX_UDP_PAYLOAD = 1232;
    /** The largest message a TCP length prefix can frame (RFC 1035 §4.2.2). */
    public static final int MAX_MESSAGE = 65535;
    public static final int OPT_TYPE = 41;
    /** A bare OPT record: root owner, type, class (payload), TTL (extended rcode, version, flags), no data. */
    public static final int OPT_LENGTH = 11;

    private Wire() {
    }

    /**
     * How large an answer may be before it must be truncated.
     *
     * @param ednsPayload the payload size the query's OPT advertised, or -1 when it had none
     */
    public static int answerLimit(Transport transport, int ednsPayload) {
        if (transport == Transport.TCP) {
            return MAX_MESSAGE;
        }
        return ednsPayload < 0 ? MIN_UDP_PAYLOAD : Math.max(MIN_UDP_PAYLOAD, Math.min(ednsPayload, MAX_UDP_PAYLOAD));
    }
}

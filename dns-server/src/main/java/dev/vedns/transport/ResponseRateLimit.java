package dev.vedns.transport;

import dev.vedns.answer.Wire;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Response rate limiting for UDP, as BIND and Knot do it: at most a given number of answers a second to each
 * client network (a /24 for IPv4, a /56 for IPv6), and of those refused every {@code slip}-th is sent
 * truncated instead of dropped, so a real client behind a spoofed flood retries over TCP and is answered.
 * The windows live in a fixed table, so counting allocates nothing; networks that share a slot share a
 * window, which errs towards answering.
 */
final class ResponseRateLimit {

    enum Verdict { SEND, SLIP, DROP }

    private static final int SLOTS = 1 << 16;
    private static final int LOCKS = 64;
    private static final long SECOND = 1_000_000_000L;
    private static final long IPV4 = 1L << 62;

    private final int perSecond;
    private final int slip;
    private final long[] networks = new long[SLOTS];
    private final long[] windows = new long[SLOTS];
    private final int[] answered = new int[SLOTS];
    private final int[] refused = new int[SLOTS];
    private final Object[] locks = new Object[LOCKS];

    /** @param slip every slip-th refused answer goes out truncated; 0 drops them all */
    ResponseRateLimit(int perSecond, int slip) {
        this.perSecond = perSecond;
        this.slip = slip;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    Verdict judge(InetAddress client, long nowNanos) {
        long network = network(client);
        int slot = (int) (mix(network) & (SLOTS - 1));
        long window = nowNanos / SECOND;
        synchronized (locks[slot & (LOCKS - 1)]) {
            if (networks[slot] != network || windows[slot] != window) {
                networks[slot] = network;
                windows[slot] = window;
                answered[slot] = 0;
                refused[slot] = 0;
            }
            if (answered[slot] < perSecond) {
                answered[slot]++;
                return Verdict.SEND;
            }
            refused[slot]++;
            return slip > 0 && refused[slot] % slip == 0 ? Verdict.SLIP : Verdict.DROP;
        }
    }

    /** The client's network as one number: an IPv4 /24 tagged apart from any IPv6 /56. */
    private static long network(InetAddress client) {
        if (client instanceof Inet4Address) {
            // An IPv4 address's hash code is the address itself: no copy of its bytes per query.
            return IPV4 | (client.hashCode() & 0xFFFFFFFFL) >>> 8;
        }
        byte[] bytes = client.getAddress();
        long prefix = 0;
        for (int i = 0; i < 7; i++) {
            prefix = prefix << 8 | (bytes[i] & 0xFFL);
        }
        return prefix;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /**
     * The slip: the query's header and question with QR and TC set and nothing else, so the client asks
     * again over TCP; null when the first {@code length} bytes of the query hold no question to echo.
     */
    static byte[] truncated(byte[] query, int length) {
        int position = Wire.HEADER_LENGTH;
        while (position < length) {
            int label = query[position] & 0xFF;
            if (label == 0) {
                int end = position + 5;
                if (end > length) {
                    return null;
                }
                byte[] slipped = Arrays.copyOf(query, end);
                slipped[2] = (byte) (0x80 | (query[2] & 0x79) | 0x02);
                slipped[3] = 0;
                slipped[4] = 0;
                slipped[5] = 1;
                for (int i = 6; i < Wire.HEADER_LENGTH; i++) {
                    slipped[i] = 0;
                }
                return slipped;
            }
            if (label > 63) {
                return null;
            }
            position += label + 1;
        }
        return null;
    }
}

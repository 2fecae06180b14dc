package dev.vedns.transport;

import dev.vedns.zone.ZoneSnapshot;
import java.net.InetSocketAddress;
import java.util.Iterator;

/**
 * The port through which zone transfers and signed queries are answered, outside the plain answer path: the
 * listener asks it only about queries it {@link #concerns}, so ordinary traffic never pays for it.
 */
public interface Transfers {

    /** No transfers, no keys: every query goes the ordinary way. */
    Transfers NONE = new Transfers() {
        @Override
        public boolean concerns(byte[] query, int length) {
            return false;
        }

        @Override
        public Iterator<byte[]> respond(byte[] query, InetSocketAddress from, ZoneSnapshot zone, boolean tcp) {
            return null;
        }
    };

    /** Whether the first {@code length} bytes of {@code query} may be a transfer or carry a signature: a cheap look. */
    boolean concerns(byte[] query, int length);

    /**
     * The messages to send in answer, in order, at least one; null to answer it the ordinary way. A transfer's are
     * made as they are taken, from {@code zone}, so it is sent from the snapshot it started on.
     */
    Iterator<byte[]> respond(byte[] query, InetSocketAddress from, ZoneSnapshot zone, boolean tcp);
}

package dev.vedns.transport;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.answer.Wire;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The arrays a listener's thread reads each query into and writes each answer into: reused from one message to
 * the next, so an ordinary answer allocates no array (at 60,000 queries a second the two copies were a third of
 * everything the process allocated, and the young collections that freed them grew the heap under load).
 */
final class Scratch {

    private static final FastThreadLocal<Scratch> OF_THREAD = new FastThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

    final byte[] query = new byte[Wire.MAX_MESSAGE];
    final byte[] answer = new byte[Wire.MAX_MESSAGE];

    private Scratch() {
    }

    /** This thread's arrays: each event loop answers one message at a time. */
    static Scratch ofThisThread() {
        return OF_THREAD.get();
    }

    /** Copies {@code message} into {@link #query}: its length. */
    int read(ByteBuf message) {
        int length = message.readableBytes();
        message.getBytes(message.readerIndex(), query, 0, length);
        return length;
    }

    /** The answer to the query read, written into {@link #answer}: its length, or -1 to send nothing. */
    int answer(int length, ZoneSnapshot zone, Transport transport) {
        return Responder.answer(query, length, zone, transport, answer);
    }
}

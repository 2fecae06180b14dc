package dev.vedns.storage;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The framing of every stored record: length, a checksum of the length, a checksum of the payload, the
 * payload. Checking the length on its own means a damaged length is caught as damage, never read as a
 * shorter or longer record.
 */
final class Frames {

    static final int HEADER = 12;
    /** Far above any real record (an import of 100,000 pairs is a few MiB); a larger length is damage. */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private Frames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length);
        frame.putInt(lengthChecksum(payload.length));
        frame.putInt(checksum(payload, 0, payload.length));
        frame.put(payload);
        return frame.flip();
    }

    /** The end of the valid frame starting at {@code offset}, or -1 when there is none (torn or damaged). */
    static int validFrameEnd(byte[] bytes, int offset, int limit) {
        if (limit - offset < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, offset, HEADER);
        int length = header.getInt();
        int lengthCrc = header.getInt();
        int payloadCrc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD || lengthChecksum(length) != lengthCrc) {
            return -1;
        }
        long end = (long) offset + HEADER + length;
        if (end > limit || checksum(bytes, offset + HEADER, length) != payloadCrc) {
            return -1;
        }
        return (int) end;
    }

    /** The first offset after {@code from} where a valid frame starts, or -1. */
    static int nextValidFrame(byte[] bytes, int from, int limit) {
        for (int offset = from; offset + HEADER <= limit; offset++) {
            if (validFrameEnd(bytes, offset, limit) >= 0) {
                return offset;
            }
        }
        return -1;
    }

    static byte[] payload(byte[] bytes, int offset, int end) {
        byte[] payload = new byte[end - offset - HEADER];
        System.arraycopy(bytes, offset + HEADER, payload, 0, payload.length);
        return payload;
    }

    private static int lengthChecksum(int length) {
        byte[] bytes = ByteBuffer.allocate(4).putInt(length).array();
        return checksum(bytes, 0, 4);
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}

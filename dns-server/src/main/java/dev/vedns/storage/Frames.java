package dev.vedns.storage;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

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

    /** What a frame holds, written as it is encoded. */
    interface Payload {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Writes one frame at {@code position} and returns where it ends. The payload goes to the file as it is
     * encoded, through a small buffer, and the header is written after it, once its length and checksum are
     * known: a whole state at 100,000 pairs held in memory took three copies of it (70 MB a checkpoint). A crash
     * before the header is written leaves a frame that fails its checks, as a torn one does.
     */
    static long write(FileChannel channel, long position, Payload payload) throws IOException {
        CRC32C crc = new CRC32C();
        channel.position(position + HEADER);
        // Not closed when done: that would close the channel.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new CheckedOutputStream(Channels.newOutputStream(channel), crc), 64 * 1024));
        payload.writeTo(out);
        out.flush();
        int length = out.size();
        if (length > MAX_PAYLOAD) {
            throw new IOException("a record of " + length + " bytes is larger than the " + MAX_PAYLOAD + " a frame may hold");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(length).putInt(lengthChecksum(length))
                .putInt((int) crc.getValue()).flip();
        writeFully(channel, header, position);
        return position + HEADER + length;
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
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

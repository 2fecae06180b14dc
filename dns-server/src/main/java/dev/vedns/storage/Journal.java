package dev.vedns.storage;

import dev.vedns.engine.JournalRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal: framed, checksummed records, each fsynced before the change it holds is
 * published. A failed append is rolled back, so the file never keeps half a record ahead of the next one.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final byte[] MAGIC = "VEDNSJ01".getBytes(StandardCharsets.US_ASCII);

    /** What a start found in the journal. */
    record Recovery(List<JournalRecord> records, int validLength) {
    }

    private final FileChannel channel;
    private long size;
    private boolean rollbackPending;

    private Journal(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /**
     * Reads every record. A torn or damaged last record (a crash mid-write) is cut off with a warning; damage
     * before the last record stops the start, unless {@code cutAtDamage} says the operator chose to keep only
     * what precedes it.
     */
    static Recovery recover(Path path, boolean cutAtDamage) throws IOException {
        if (!Files.exists(path)) {
            return new Recovery(List.of(), 0);
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < MAGIC.length) {
            if (!Arrays.equals(bytes, 0, bytes.length, MAGIC, 0, bytes.length)) {
                throw notAJournal(path);
            }
            return new Recovery(List.of(), 0);
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw notAJournal(path);
        }
        List<JournalRecord> records = new ArrayList<>();
        int offset = MAGIC.length;
        while (offset < bytes.length) {
            int end = Frames.validFrameEnd(bytes, offset, bytes.length);
            JournalRecord record = end < 0 ? null : decode(bytes, offset, end);
            if (record == null) {
                int next = Frames.nextValidFrame(bytes, offset + 1, bytes.length);
                if (next < 0) {
                    LOG.warn("Journal {}: cut off a torn last record at offset {}, dropping {} bytes (a write that"
                            + " was never acknowledged)", path, offset, bytes.length - offset);
                } else if (cutAtDamage) {
                    Path aside = path.resolveSibling(path.getFileName() + ".damaged-" + offset);
                    Files.write(aside, Arrays.copyOfRange(bytes, offset, bytes.length));
                    LOG.warn("Journal {}: damaged at offset {}; as vedns.journal.recover-damaged asks, kept the {}"
                            + " records before it and moved the remaining {} bytes to {}", path, offset, records.size(),
                            bytes.length - offset, aside);
                } else {
                    throw damaged(path, offset, records.size());
                }
                break;
            }
            records.add(record);
            offset = end;
        }
        return new Recovery(records, offset);
    }

    private static JournalRecord decode(byte[] bytes, int offset, int end) {
        try {
            return Codec.decodeRecord(Frames.payload(bytes, offset, end));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Opens for appending after the valid records, dropping whatever followed them. */
    static Journal open(Path path, int validLength) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = Math.max(validLength, MAGIC.length);
        if (validLength < MAGIC.length) {
            channel.write(ByteBuffer.wrap(MAGIC), 0);
        }
        channel.truncate(size);
        channel.force(true);
        return new Journal(channel, size);
    }

    /** Appends one record and fsyncs it, returning how long the fsync took; on failure the record is not in the journal. */
    long append(Frames.Payload payload) throws IOException {
        if (rollbackPending) {
            rollBack();
        }
        try {
            long end = Frames.write(channel, size, payload);
            long syncing = System.nanoTime();
            channel.force(false);
            size = end;
            return System.nanoTime() - syncing;
        } catch (IOException failure) {
            rollbackPending = true;
            try {
                rollBack();
            } catch (IOException stillFailing) {
                failure.addSuppressed(stillFailing);
            }
            throw failure;
        }
    }

    private void rollBack() throws IOException {
        channel.truncate(size);
        channel.force(true);
        rollbackPending = false;
    }

    /** How many bytes the journal's records take. */
    long size() {
        return size - MAGIC.length;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static StartupException notAJournal(Path path) {
        return new StartupException("Journal " + path + " is not a vedns journal (its first bytes are not "
                + new String(MAGIC, StandardCharsets.US_ASCII) + "). Point vedns.data-dir at a vedns data directory,"
                + " or at an empty one.");
    }

    private static StartupException damaged(Path path, int offset, int good) {
        return new StartupException("Journal " + path + " is damaged at offset " + offset + ": the record there fails"
                + " its checksum, yet valid records follow it, so this is not a torn last write. vedns will not start,"
                + " because starting would silently lose acknowledged changes. To recover, either restore the data"
                + " directory from a backup, or start once with vedns.journal.recover-damaged=true: vedns then keeps"
                + " the " + good + " records before offset " + offset + ", moves the rest of the file to "
                + path.getFileName() + ".damaged-" + offset + " for inspection, and drops the changes it held"
                + " (README: \"Recovering a damaged journal\").");
    }
}

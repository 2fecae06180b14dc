package dev.vedns.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The checkpoint: the whole durable state in one file, replaced atomically: written to a temporary file, fsynced, renamed over the
 * old one, and the directory fsynced, so a crash leaves either the old checkpoint or the new one.
 */
final class CheckpointFile {

    static final byte[] MAGIC = "VEDNSS01".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final Path temporary;

    /** What earlier versions of vedns called this file: a directory they wrote is taken over as it is. */
    private static final String EARLIER_NAME = "state.snap";

    private CheckpointFile(Path path) {
        this.path = path;
        this.temporary = path.resolveSibling(path.getFileName() + ".tmp");
    }

    /** The checkpoint of a data directory. */
    static CheckpointFile in(Path directory) throws IOException {
        Path path = directory.resolve("checkpoint");
        Path earlier = directory.resolve(EARLIER_NAME);
        if (Files.exists(earlier) && !Files.exists(path)) {
            Files.move(earlier, path, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(directory);
        }
        Files.deleteIfExists(directory.resolve(EARLIER_NAME + ".tmp"));
        return new CheckpointFile(path);
    }

    /** The stored payload, or null when no checkpoint was ever written. */
    byte[] read() throws IOException {
        Files.deleteIfExists(temporary);
        if (!Files.exists(path)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                ? Frames.validFrameEnd(bytes, MAGIC.length, bytes.length) : -1;
        if (end != bytes.length) {
            throw new StartupException("Checkpoint " + path + " is damaged (its checksum does not match). It is only"
                    + " ever replaced by an atomic rename, so this is damage from outside vedns: restore the data"
                    + " directory from a backup.");
        }
        return Frames.payload(bytes, MAGIC.length, end);
    }

    /** Replaces the checkpoint with the payload's frame, returning the file's size. */
    long write(Frames.Payload payload) throws IOException {
        long size;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Frames.writeFully(channel, ByteBuffer.wrap(MAGIC), 0);
            size = Frames.write(channel, MAGIC.length, payload);
            channel.force(true);
        } catch (IOException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(path.getParent());
        return size;
    }

    /** Makes the rename itself durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

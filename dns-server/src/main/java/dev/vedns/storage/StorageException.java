package dev.vedns.storage;

/** A change could not be made durable (disk full, read-only, I/O error); it was not applied. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

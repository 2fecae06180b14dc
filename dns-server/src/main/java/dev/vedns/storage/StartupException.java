package dev.vedns.storage;

/** The data directory cannot be used as it is; the message says why and what to do. vedns must not start. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

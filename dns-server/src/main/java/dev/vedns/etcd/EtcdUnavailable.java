package dev.vedns.etcd;

/** etcd could not be asked, or did not answer in time, or answered with an error. */
final class EtcdUnavailable extends Exception {

    private final boolean outcomeUnknown;

    /** A request that never reached etcd, or that etcd refused: nothing of it was done. */
    EtcdUnavailable(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param outcomeUnknown the request was sent but no answer came (a timeout, a dropped connection): etcd may
     *                       still commit it, e.g. once a member that took it regains a quorum
     */
    EtcdUnavailable(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}

package dev.vedns.etcd;

/** etcd could not be asked, or did not answer in time, or answered with an error. */
final class EtcdUnavailable extends Exception {

    EtcdUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

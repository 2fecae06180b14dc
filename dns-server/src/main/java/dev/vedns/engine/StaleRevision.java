package dev.vedns.engine;

/** Another instance committed a change after the revision this one was decided on: catch up and decide again. */
public final class StaleRevision extends RuntimeException {

    public StaleRevision(long decidedOn, long newest) {
        super("decided on revision " + decidedOn + ", but the store is at " + newest, null, false, false);
    }
}

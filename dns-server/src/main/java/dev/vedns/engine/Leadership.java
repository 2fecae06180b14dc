package dev.vedns.engine;

/**
 * Whether this instance leads the fleet now: the leader alone runs the health probes (and applies what they
 * decide) and sends NOTIFY, so that two instances never decide the same automatic switchover. One instance on
 * its own data directory always leads; a fleet on etcd elects one through a lease.
 */
public interface Leadership {

    /** An instance alone: it always leads. */
    Leadership ALONE = () -> true;

    boolean leading();
}

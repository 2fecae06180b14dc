package dev.vedns.routing;

/**
 * Whether a replica may take over in a Planned switchover now. The routing rules know only the table; what the
 * databases are doing (down, lagging) comes from outside through this, and with probes off every replica is ready.
 */
public interface SwitchoverReadiness {

    SwitchoverReadiness ALWAYS = replica -> null;

    /** Why {@code replica} may not take over in a Planned switchover now, for a person; null when it may. */
    String unready(String replica);
}

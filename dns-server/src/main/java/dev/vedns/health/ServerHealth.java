package dev.vedns.health;

/**
 * A server's health so far: its state, how many probes in a row came out good or bad (one of the two is 0), and
 * the last observation.
 */
public record ServerHealth(HealthState state, int goodInARow, int badInARow, Observation last) {

    /** Before any probe. */
    public static final ServerHealth UNKNOWN = new ServerHealth(HealthState.Unknown, 0, 0, null);

    /**
     * This health after one more probe, with hysteresis so that a server does not flap: it turns Unhealthy after
     * {@code fall} bad probes in a row and Healthy after {@code rise} good ones in a row; a probe that only
     * confirms the state changes nothing but the counts.
     */
    public ServerHealth after(Observation observation, boolean good, int rise, int fall) {
        int goods = good ? goodInARow + 1 : 0;
        int bads = good ? 0 : badInARow + 1;
        HealthState next = state;
        if (good && goods >= rise) {
            next = HealthState.Healthy;
        } else if (!good && bads >= fall) {
            next = HealthState.Unhealthy;
        }
        return new ServerHealth(next, goods, bads, observation);
    }
}

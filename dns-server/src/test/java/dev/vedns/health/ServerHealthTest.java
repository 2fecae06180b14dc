package dev.vedns.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rise and fall: a server changes state only after enough probes in a row say so, so it never flaps. */
class ServerHealthTest {

    private static final int RISE = 2;
    private static final int FALL = 3;
    private static final Observation UP = new Observation(Instant.EPOCH, true, ObservedRole.Primary, 1, 0, null, "up");
    private static final Observation DOWN = Observation.unreachable(Instant.EPOCH, "refused");

    private static ServerHealth after(ServerHealth health, boolean... probes) {
        for (boolean good : probes) {
            health = health.after(good ? UP : DOWN, good, RISE, FALL);
        }
        return health;
    }

    @Test
    void unknownUntilRiseGoodOrFallBadProbesInARow() {
        assertEquals(HealthState.Unknown, after(ServerHealth.UNKNOWN, true).state());
        assertEquals(HealthState.Healthy, after(ServerHealth.UNKNOWN, true, true).state());
        assertEquals(HealthState.Unknown, after(ServerHealth.UNKNOWN, false, false, true).state());
        assertEquals(HealthState.Unhealthy, after(ServerHealth.UNKNOWN, false, false, false).state());
    }

    @Test
    void aHealthyServerFallsOnlyAfterFallBadProbesInARowAndRisesOnlyAfterRiseGoodOnes() {
        ServerHealth healthy = after(ServerHealth.UNKNOWN, true, true);
        assertEquals(HealthState.Healthy, after(healthy, false, false, true, false, false).state(), "no flapping");
        ServerHealth fallen = after(healthy, false, false, false);
        assertEquals(HealthState.Unhealthy, fallen.state());
        assertEquals(HealthState.Unhealthy, after(fallen, true, false, true).state());
        assertEquals(HealthState.Healthy, after(fallen, true, true).state());
        assertEquals(DOWN, fallen.last());
        assertEquals(3, fallen.badInARow());
    }
}

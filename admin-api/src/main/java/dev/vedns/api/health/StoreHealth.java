package dev.vedns.api.health;

import dev.vedns.Vedns;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Ready while a change can be made durable: the journal is writable and the disk has room, or etcd answers with
 * a quorum (component {@code journal} or {@code etcd}). While it is not, changes are refused with 503 and DNS
 * keeps answering; an orchestrator should stop sending changes here.
 */
@Singleton
@Readiness
public class StoreHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final Vedns vedns;

    public StoreHealth(Vedns vedns) {
        this.vedns = vedns;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String problem = vedns.unwritable();
        healthStatus = problem == null ? HealthStatus.UP : HealthStatus.DOWN;
        // Whether this instance leads its fleet (runs the probes, sends NOTIFY): always, alone on a data directory.
        boolean leading = vedns.leadership().leading();
        return problem == null ? Map.of("writable", true, "leading", leading)
                : Map.of("writable", false, "problem", problem, "leading", leading);
    }

    @Override
    public String getName() {
        return vedns.storeName();
    }
}

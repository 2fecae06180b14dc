package dev.vedns.api.health;

import dev.vedns.engine.RoutingEngine;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A warning while the probes see roles that disagree with some pair's replication set (a writer's target in
 * recovery, a replica accepting writes): DNS still answers, so it is neither down nor unready. /health is open
 * without a token, so it says how many pairs, not which; the API's pairs carry each mismatch.
 */
@Singleton
public class RolesHealth extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus WARNING = new HealthStatus("WARNING",
            "the probes see roles that disagree with the routing", true, null);

    private final RoutingEngine engine;
    private final ServerProbes probes;

    public RolesHealth(RoutingEngine engine, ServerProbes probes) {
        this.engine = engine;
        this.probes = probes;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long mismatched = probes.running() ? engine.table().endpointsInAnyOrder().stream()
                .filter(endpoint -> endpoint.roleMismatch() != null).count() : 0;
        healthStatus = mismatched == 0 ? HealthStatus.UP : WARNING;
        return Map.of("probed", probes.running(), "roleMismatches", mismatched);
    }

    @Override
    public String getName() {
        return "roles";
    }
}

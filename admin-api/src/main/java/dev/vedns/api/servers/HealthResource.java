package dev.vedns.api.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A server's health as the probes see it: {@code state} (Healthy, Unhealthy, Unknown), the role it was observed
 * in (Primary, Replica, Unknown), its timeline, a replica's lag behind its primary and the last probe.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthResource(String state, String observedRole, @Nullable Long timeline, @Nullable Long replayLagBytes,
                             @Nullable Double replayLagSeconds, @Nullable String checkedAt, @Nullable String detail) {
}

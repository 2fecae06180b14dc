package dev.vedns.api.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vedns.api.endpoints.EndpointResource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A server as the API shows it, with its replication set's replicas and endpoint pair when it is a primary;
 * {@code replicas} is always present so clients need not tell a missing list from an empty one; {@code probe}
 * only when the server has its own; {@code health} only while the probes run ({@code vedns.health.enabled}).
 */
@Serdeable
public record ServerResource(String name, String fqdn, String replicationRole, @Nullable String sourceServerName,
                             List<String> addresses, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> replicas,
                             @Nullable EndpointResource virtualEndpoint, @Nullable ProbeBody probe,
                             @Nullable HealthResource health) {
}

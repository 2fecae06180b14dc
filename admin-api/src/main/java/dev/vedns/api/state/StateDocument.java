package dev.vedns.api.state;

import dev.vedns.api.customs.CustomEndpointResource;
import dev.vedns.api.endpoints.EndpointResource;
import dev.vedns.api.servers.ServerResource;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/v1/state}: the whole state, in the same resource shapes as the rest of the API. */
@Serdeable
public record StateDocument(String zone, long serial, List<ServerResource> servers,
                            List<EndpointResource> virtualEndpoints, List<CustomEndpointResource> customEndpoints) {
}

package dev.vedns.api.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vedns.api.customs.CustomEndpointResource;
import dev.vedns.api.endpoints.EndpointResource;
import dev.vedns.api.servers.ServerResource;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/v1/state}: the whole state, in the same resource shapes as the rest of the API. */
@Serdeable
public record StateDocument(String zone, long serial,
                            // Empty lists are written too: an export of an empty fleet must import back as it is.
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<ServerResource> servers,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<EndpointResource> virtualEndpoints,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<CustomEndpointResource> customEndpoints) {
}

package dev.vedns.api.endpoints;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of PUT and PATCH on a virtual endpoint pair; {@code members} names the reader's target, and
 * {@code writerFollowsObservedPrimary} lets the probes move the writer to a server promoted elsewhere.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record EndpointRequest(@Nullable String endpointType, @Nullable List<String> members,
                              @Nullable Boolean writerFollowsObservedPrimary) {
}

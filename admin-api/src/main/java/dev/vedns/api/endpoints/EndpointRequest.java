package dev.vedns.api.endpoints;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of PUT and PATCH on a virtual endpoint pair; {@code members} names the reader's target. */
@Serdeable
public record EndpointRequest(@Nullable String endpointType, @Nullable List<String> members) {
}

package dev.vedns.api.promotion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /servers/{replicaName}/promote}; both fields default (Switchover, Planned). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record PromoteRequest(@Nullable String promoteMode, @Nullable String promoteOption) {
}

package dev.vedns.api.tokens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/tokens}; {@code expiresAt} is an ISO-8601 instant, absent for no expiry. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record TokenRequest(@Nullable String name, @Nullable String role, @Nullable String expiresAt) {
}

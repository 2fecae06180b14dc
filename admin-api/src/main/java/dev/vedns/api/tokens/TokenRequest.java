package dev.vedns.api.tokens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST /api/v1/tokens}: {@code servers} are globs of the servers whose replication sets the token
 * reaches (absent for all), {@code expiresAt} an ISO-8601 instant (absent for no expiry).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record TokenRequest(@Nullable String name, @Nullable String role, @Nullable List<String> servers,
                           @Nullable String expiresAt) {
}

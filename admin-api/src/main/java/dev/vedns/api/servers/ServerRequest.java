package dev.vedns.api.servers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code PUT /servers/{serverName}}; fields stay text so the rules can name each bad one. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record ServerRequest(@Nullable String replicationRole, @Nullable String sourceServerName,
                            @Nullable List<String> addresses, @Nullable ProbeBody probe) {
}

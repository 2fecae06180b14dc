package dev.vedns.api.servers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code PUT /servers/{serverName}}; fields stay text so the rules can name each bad one. */
@Serdeable
public record ServerRequest(@Nullable String replicationRole, @Nullable String sourceServerName,
                            @Nullable List<String> addresses) {
}

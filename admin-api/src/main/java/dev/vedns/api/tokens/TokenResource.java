package dev.vedns.api.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A token as the API shows it: never its secret, except in the answer that issued it ({@code secret}, once).
 *
 * @param servers    globs of the servers whose replication sets it reaches; absent for all
 * @param lastUsedAt when it last authenticated a request since this vedns started; null if it has not
 * @param includes   the roles this one includes (viewer for an operator, say): only in {@code GET /tokens/self},
 *                   so a client can tell what it may do without knowing the roles' order
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResource(String name, String role, @Nullable List<String> servers, @Nullable String createdAt,
                            @Nullable String expiresAt,
                            @Nullable String lastUsedAt, @Nullable String secret, @Nullable List<String> includes) {
}

package dev.vedns.api.customs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of PUT and PATCH on a custom endpoint: {@code type} Reader or Any, and either {@code members} (a static
 * list) or {@code excludedMembers} (every present and future server of the set but these).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record CustomEndpointRequest(@Nullable String type, @Nullable List<String> members,
                                    @Nullable List<String> excludedMembers) {
}

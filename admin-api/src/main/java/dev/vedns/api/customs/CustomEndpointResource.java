package dev.vedns.api.customs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A custom endpoint as the API shows it: its definition ({@code members} or {@code excludedMembers}), its name in
 * DNS, the {@code targets} the set gives it now, and the {@code effectiveTargets} DNS answers in turn (fewer, with
 * the {@code reason}, when the health probes left some out).
 */
@Serdeable
public record CustomEndpointResource(String name, String serverName, String type,
                                     // an empty list is a definition of its own (all, or none left), never absent
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> members,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> excludedMembers,
                                     String fqdn, List<String> targets,
                                     List<String> effectiveTargets, @Nullable String reason) {
}

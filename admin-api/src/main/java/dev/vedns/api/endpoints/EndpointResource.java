package dev.vedns.api.endpoints;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A virtual endpoint pair as the API shows it, shaped like Azure's: {@code members} holds the reader's
 * target, {@code virtualEndpoints} the two names (writer first), and each name with its target.
 * {@code roleMismatch} is present only while the probes see roles that disagree with the set.
 */
@Serdeable
public record EndpointResource(String name, String serverName, String endpointType, List<String> members,
                               List<String> virtualEndpoints, Target writer, Target reader,
                               boolean writerFollowsObservedPrimary, @Nullable String roleMismatch) {

    /**
     * One name: {@code target} is the server chosen for it, {@code effectiveTarget} the one DNS answers now, and
     * {@code reason} (present only when the two differ) why the probes moved it. A pooled reader also lists all
     * its chosen {@code targets} and the {@code effectiveTargets} DNS answers in turn; its {@code target} and
     * {@code effectiveTarget} are the first of each.
     */
    @Serdeable
    public record Target(String fqdn, String target, String targetFqdn, String effectiveTarget,
                         String effectiveTargetFqdn, @Nullable String reason, @Nullable List<String> targets,
                         @Nullable List<String> effectiveTargets) {
    }
}

package dev.vedns.api.endpoints;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A virtual endpoint pair as the API shows it, shaped like Azure's: {@code members} holds the reader's
 * target, {@code virtualEndpoints} the two names (writer first), and each name with its current target.
 */
@Serdeable
public record EndpointResource(String name, String serverName, String endpointType, List<String> members,
                               List<String> virtualEndpoints, Target writer, Target reader) {

    /** One name and where it points: the server's name and its FQDN. */
    @Serdeable
    public record Target(String fqdn, String target, String targetFqdn) {
    }
}

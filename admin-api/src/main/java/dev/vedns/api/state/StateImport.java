package dev.vedns.api.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.vedns.api.servers.ProbeBody;
import dev.vedns.routing.RoutingCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/state} and the bootstrap file. An exported document is accepted as it is: its
 * serial and its derived fields (fqdn, replicas, virtualEndpoint, health, virtualEndpoints, writer, reader,
 * roleMismatch; a custom endpoint's fqdn, targets, effectiveTargets and reason) are read and ignored (the probes decide reroutes and mismatches again); any other unknown field is refused, so a misspelling never passes silently.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record StateImport(@Nullable String zone, @Nullable Long serial, @Nullable List<Server> servers,
                          @Nullable List<Endpoint> virtualEndpoints, @Nullable List<Custom> customEndpoints) {

    /** A server item, in the shape of the servers resource. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Server(@Nullable String name, @Nullable String replicationRole, @Nullable String sourceServerName,
                         @Nullable List<String> addresses, @Nullable ProbeBody probe, @Nullable String fqdn,
                         @Nullable List<String> replicas,
                         @Nullable Map<String, Object> virtualEndpoint, @Nullable Map<String, Object> health) {
    }

    /** An endpoint pair item, in the shape of the virtual endpoints resource. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Endpoint(@Nullable String serverName, @Nullable String name, @Nullable String endpointType,
                           @Nullable List<String> members, @Nullable List<String> virtualEndpoints,
                           @Nullable Map<String, Object> writer, @Nullable Map<String, Object> reader,
                           @Nullable Boolean writerFollowsObservedPrimary, @Nullable String roleMismatch) {
    }

    /** A custom endpoint item, in the shape of the custom endpoints resource. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Custom(@Nullable String serverName, @Nullable String name, @Nullable String type,
                         @Nullable List<String> members, @Nullable List<String> excludedMembers, @Nullable String fqdn,
                         @Nullable List<String> targets, @Nullable List<String> effectiveTargets,
                         @Nullable String reason) {
    }

    public RoutingCommand.ReplaceState toCommand() {
        return new RoutingCommand.ReplaceState(zone,
                servers == null ? null : servers.stream().map(server -> new RoutingCommand.ImportedServer(server.name(),
                        server.replicationRole(), server.sourceServerName(), server.addresses(),
                        ProbeBody.text(server.probe()))).toList(),
                virtualEndpoints == null ? null : virtualEndpoints.stream().map(endpoint ->
                        new RoutingCommand.ImportedEndpoint(endpoint.serverName(), endpoint.name(),
                                endpoint.endpointType(), endpoint.members(),
                                endpoint.writerFollowsObservedPrimary())).toList(),
                customEndpoints == null ? null : customEndpoints.stream().map(custom ->
                        new RoutingCommand.ImportedCustom(custom.serverName(), custom.name(), custom.type(),
                                custom.members(), custom.excludedMembers())).toList());
    }
}

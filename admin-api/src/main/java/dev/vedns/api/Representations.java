package dev.vedns.api;

import dev.vedns.api.endpoints.EndpointResource;
import dev.vedns.api.health.ServerProbes;
import dev.vedns.api.servers.HealthResource;
import dev.vedns.api.servers.ServerResource;
import dev.vedns.health.Observation;
import dev.vedns.health.Prober;
import dev.vedns.health.ServerHealth;
import dev.vedns.api.customs.CustomEndpointResource;
import dev.vedns.api.servers.ProbeBody;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.ReaderReroute;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import dev.vedns.zone.ZoneNames;
import dev.vedns.zone.ZoneSettings;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.util.List;
import org.xbill.DNS.Name;

/** Renders routing objects as API resources, with the zone's FQDNs. */
@Singleton
public class Representations {

    private final Name origin;
    private final ServerProbes probes;

    public Representations(ZoneSettings settings, ServerProbes probes) {
        this.origin = settings.origin();
        this.probes = probes;
    }

    public ServerResource server(RoutingTable table, Server server) {
        List<String> replicas = server.isPrimary()
                ? table.replicasOf(server.name()).stream().map(Server::name).toList()
                : List.of();
        VirtualEndpoint endpoint = server.isPrimary() ? table.endpointOf(server.name()) : null;
        return new ServerResource(server.name(), ZoneNames.fqdn(ZoneNames.server(server.name(), origin)),
                server.role().name(), server.sourceServerName(),
                server.addresses().stream().map(NetUtil::toAddressString).toList(), replicas,
                endpoint == null ? null : endpoint(endpoint), ProbeBody.of(server.probe()),
                probes.of(server.name()).map(Representations::health)
                        .orElse(null));
    }

    private static HealthResource health(Prober.Health probed) {
        ServerHealth health = probed.health();
        Observation last = health.last();
        return new HealthResource(health.state().name(), last.role().name(), last.timeline() > 0 ? last.timeline() : null,
                probed.replayLagBytes() >= 0 ? probed.replayLagBytes() : null, last.replaySeconds(),
                last.at().toString(), last.detail());
    }

    public EndpointResource endpoint(VirtualEndpoint endpoint) {
        String writer = ZoneNames.fqdn(ZoneNames.writer(endpoint.name(), origin));
        String reader = ZoneNames.fqdn(ZoneNames.reader(endpoint.name(), origin));
        ReaderReroute reroute = endpoint.reroute();
        return new EndpointResource(endpoint.name(), endpoint.primaryName(), VirtualEndpoint.READ_WRITE,
                endpoint.readerMembers(), List.of(writer, reader),
                target(writer, List.of(endpoint.primaryName()), List.of(endpoint.primaryName()), null),
                target(reader, endpoint.readerMembers(), endpoint.effectiveReaderTargets(),
                        reroute == null ? null : reroute.reason()),
                endpoint.writerFollowsObservedPrimary(), endpoint.roleMismatch());
    }

    private EndpointResource.Target target(String fqdn, List<String> chosen, List<String> effective, String reason) {
        return new EndpointResource.Target(fqdn, chosen.get(0), serverFqdn(chosen.get(0)), effective.get(0),
                serverFqdn(effective.get(0)), reason, chosen.size() > 1 ? chosen : null,
                effective.size() > 1 || chosen.size() > 1 ? effective : null);
    }

    public CustomEndpointResource custom(CustomEndpoint custom) {
        return new CustomEndpointResource(custom.name(), custom.primaryName(), custom.type().name(), custom.members(),
                custom.excludedMembers(), ZoneNames.fqdn(ZoneNames.custom(custom.name(), origin)), custom.resolved(),
                custom.effectiveTargets(), custom.reroute() == null ? null : custom.reroute().reason());
    }

    private String serverFqdn(String serverName) {
        return ZoneNames.fqdn(ZoneNames.server(serverName, origin));
    }
}

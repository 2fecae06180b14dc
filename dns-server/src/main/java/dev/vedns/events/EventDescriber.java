package dev.vedns.events;

import dev.vedns.routing.Choices;
import dev.vedns.routing.Outcome;
import dev.vedns.routing.PromoteMode;
import dev.vedns.routing.PromoteOption;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import dev.vedns.zone.ZoneNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.xbill.DNS.Name;

/**
 * Describes an applied command as an event: what kind of change it was, what it touched, and how every
 * endpoint name moved. The targets come from comparing the tables, so side effects (a reader moved because
 * its replica was deleted) are recorded as faithfully as the change asked for.
 */
public final class EventDescriber {

    private final Name origin;

    public EventDescriber(Name origin) {
        this.origin = origin;
    }

    public RoutingEvent describe(long id, Instant time, long serial, RoutingCommand command, Outcome outcome,
                                 RoutingTable before) {
        RoutingTable after = outcome.table();
        SortedSet<String> servers = new TreeSet<>();
        SortedSet<String> endpoints = new TreeSet<>();
        Map<String, String> details = new LinkedHashMap<>();
        String kind = name(command, outcome, before, servers, endpoints, details);
        changedServers(before, after, servers);
        List<TargetChange> targets = targetChanges(before, after, endpoints);
        return new RoutingEvent(id, time, serial, kind, List.copyOf(servers), List.copyOf(endpoints), details, targets);
    }

    private static String name(RoutingCommand command, Outcome outcome, RoutingTable before, SortedSet<String> servers,
                               SortedSet<String> endpoints, Map<String, String> details) {
        boolean created = outcome.effect() == Outcome.Effect.CREATED;
        if (command instanceof RoutingCommand.PutServer put) {
            servers.add(put.serverName());
            return created ? "ServerCreated" : "ServerUpdated";
        }
        if (command instanceof RoutingCommand.DeleteServer delete) {
            servers.add(delete.serverName());
            return "ServerDeleted";
        }
        if (command instanceof RoutingCommand.PutEndpoint put) {
            servers.add(put.serverName());
            endpoints.add(put.endpointName());
            return created ? "VirtualEndpointCreated" : "ReaderRetargeted";
        }
        if (command instanceof RoutingCommand.RetargetReader retarget) {
            servers.add(retarget.serverName());
            endpoints.add(retarget.endpointName());
            return "ReaderRetargeted";
        }
        if (command instanceof RoutingCommand.ReplaceState document) {
            details.put("servers", Integer.toString(outcome.table().servers().size()));
            details.put("virtualEndpoints", Integer.toString(outcome.table().endpoints().size()));
            return "StateImported";
        }
        if (command instanceof RoutingCommand.Promote promote) {
            servers.add(promote.serverName());
            servers.add(before.server(promote.serverName()).primaryName());
            details.put("promoteMode", Choices.parse(PromoteMode.class, promote.promoteMode())
                    .orElse(PromoteMode.Switchover).name());
            details.put("promoteOption", Choices.parse(PromoteOption.class, promote.promoteOption())
                    .orElse(PromoteOption.Planned).name());
            return "ReplicaPromoted";
        }
        RoutingCommand.DeleteEndpoint delete = (RoutingCommand.DeleteEndpoint) command;
        servers.add(delete.serverName());
        endpoints.add(delete.endpointName());
        return "VirtualEndpointDeleted";
    }

    private static void changedServers(RoutingTable before, RoutingTable after, SortedSet<String> servers) {
        for (Server server : after.servers()) {
            Server old = before.server(server.name());
            if (old != null && !old.equals(server)) {
                servers.add(server.name());
            }
        }
    }

    private List<TargetChange> targetChanges(RoutingTable before, RoutingTable after, SortedSet<String> endpoints) {
        SortedSet<String> names = new TreeSet<>();
        before.endpoints().forEach(endpoint -> names.add(endpoint.name()));
        after.endpoints().forEach(endpoint -> names.add(endpoint.name()));
        List<TargetChange> changes = new ArrayList<>();
        for (String name : names) {
            VirtualEndpoint old = before.endpoint(name);
            VirtualEndpoint now = after.endpoint(name);
            String writerBefore = old == null ? null : old.primaryName();
            String writerAfter = now == null ? null : now.primaryName();
            String readerBefore = old == null ? null : old.readerTarget();
            String readerAfter = now == null ? null : now.readerTarget();
            if (!Objects.equals(writerBefore, writerAfter)) {
                changes.add(new TargetChange(ZoneNames.fqdn(ZoneNames.writer(name, origin)), writerBefore, writerAfter));
            }
            if (!Objects.equals(readerBefore, readerAfter)) {
                changes.add(new TargetChange(ZoneNames.fqdn(ZoneNames.reader(name, origin)), readerBefore, readerAfter));
            }
            if (!Objects.equals(old, now)) {
                endpoints.add(name);
            }
        }
        return changes;
    }
}

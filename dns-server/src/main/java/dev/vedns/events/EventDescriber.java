package dev.vedns.events;

import dev.vedns.routing.Choices;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.Outcome;
import dev.vedns.routing.PromoteMode;
import dev.vedns.routing.PromoteOption;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.VirtualEndpoint;
import dev.vedns.zone.ZoneNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** @param mutations what the command changed, as {@code before.mutationsTo(outcome.table())} */
    public RoutingEvent describe(long id, Instant time, long serial, RoutingCommand command, Outcome outcome,
                                 RoutingTable before, List<Mutation> mutations) {
        SortedSet<String> servers = new TreeSet<>();
        SortedSet<String> endpoints = new TreeSet<>();
        Map<String, String> details = new LinkedHashMap<>();
        String kind = name(command, outcome, before, servers, endpoints, details);
        List<TargetChange> targets = new ArrayList<>();
        if (command instanceof RoutingCommand.ReplaceState) {
            // An import may touch every name of a large fleet: the event says how much, the journal holds what.
            details.put("changes", Integer.toString(mutations.size()));
        } else {
            describeMutations(mutations, before, servers, endpoints, targets);
        }
        targets.sort(TARGET_ORDER);
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
            details.put("servers", Integer.toString(outcome.table().serverCount()));
            details.put("virtualEndpoints", Integer.toString(outcome.table().endpointCount()));
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

    /** Servers altered, pairs created, retargeted or removed, and how each name moved. */
    private void describeMutations(List<Mutation> mutations, RoutingTable before, SortedSet<String> servers,
                                   SortedSet<String> endpoints, List<TargetChange> targets) {
        for (Mutation mutation : mutations) {
            if (mutation instanceof Mutation.PutServer put && before.server(put.server().name()) != null) {
                servers.add(put.server().name());
            } else if (mutation instanceof Mutation.PutEndpoint put) {
                addTargetChanges(before.endpoint(put.endpoint().name()), put.endpoint(), put.endpoint().name(), targets);
                endpoints.add(put.endpoint().name());
            } else if (mutation instanceof Mutation.RemoveEndpoint remove) {
                addTargetChanges(before.endpoint(remove.name()), null, remove.name(), targets);
                endpoints.add(remove.name());
            }
        }
    }

    /** Writer before reader, endpoints by name: the order a person reads a change in. */
    private static final Comparator<TargetChange> TARGET_ORDER = Comparator
            .comparing((TargetChange change) -> change.fqdn().substring(0, change.fqdn().indexOf('.')))
            .thenComparing(change -> change.fqdn().contains(".reader.") ? 1 : 0);

    private void addTargetChanges(VirtualEndpoint old, VirtualEndpoint now, String name, List<TargetChange> targets) {
        String writerBefore = old == null ? null : old.primaryName();
        String writerAfter = now == null ? null : now.primaryName();
        String readerBefore = old == null ? null : old.readerTarget();
        String readerAfter = now == null ? null : now.readerTarget();
        if (!Objects.equals(writerBefore, writerAfter)) {
            targets.add(new TargetChange(ZoneNames.fqdn(ZoneNames.writer(name, origin)), writerBefore, writerAfter));
        }
        if (!Objects.equals(readerBefore, readerAfter)) {
            targets.add(new TargetChange(ZoneNames.fqdn(ZoneNames.reader(name, origin)), readerBefore, readerAfter));
        }
    }
}

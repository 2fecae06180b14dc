package dev.vedns.events;

import dev.vedns.access.Token;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.Mutation;
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
    public RoutingEvent describe(long id, Instant time, long serial, RoutingCommand command, String actor,
                                 Outcome outcome, RoutingTable before, List<Mutation> mutations) {
        Described described = new Described();
        String kind = command.accept(new Named(outcome, before, described));
        if (described.wholeState) {
            // An import may touch every name of a large fleet: the event says how much, the journal holds what.
            described.details.put("changes", Integer.toString(mutations.size()));
        } else {
            for (Mutation mutation : mutations) {
                mutation.accept(new Touched(before, described));
            }
        }
        described.targets.sort(TARGET_ORDER);
        return new RoutingEvent(id, time, serial, kind, List.copyOf(described.servers),
                List.copyOf(described.endpoints), described.details, described.targets, actor);
    }

    /** What an event lists, gathered from its command and its mutations. */
    private static final class Described {
        final SortedSet<String> servers = new TreeSet<>();
        final SortedSet<String> endpoints = new TreeSet<>();
        final Map<String, String> details = new LinkedHashMap<>();
        final List<TargetChange> targets = new ArrayList<>();
        boolean wholeState;
    }

    /** The event's kind, and what the command itself named. */
    private static final class Named implements RoutingCommand.Visitor<String> {
        private final Outcome outcome;
        private final RoutingTable before;
        private final Described described;

        Named(Outcome outcome, RoutingTable before, Described described) {
            this.outcome = outcome;
            this.before = before;
            this.described = described;
        }

        @Override
        public String putServer(RoutingCommand.PutServer command) {
            described.servers.add(command.serverName());
            return outcome.effect() == Outcome.Effect.CREATED ? "ServerCreated" : "ServerUpdated";
        }

        @Override
        public String deleteServer(RoutingCommand.DeleteServer command) {
            described.servers.add(command.serverName());
            return "ServerDeleted";
        }

        @Override
        public String putEndpoint(RoutingCommand.PutEndpoint command) {
            return pair(command.serverName(), command.endpointName(),
                    outcome.effect() == Outcome.Effect.CREATED ? "VirtualEndpointCreated" : updated(command.endpointName()));
        }

        @Override
        public String patchEndpoint(RoutingCommand.PatchEndpoint command) {
            return pair(command.serverName(), command.endpointName(), updated(command.endpointName()));
        }

        /** A new reader target is a retarget; a change of the option alone is an update, which the details name. */
        private String updated(String endpointName) {
            VirtualEndpoint old = before.endpoint(endpointName);
            VirtualEndpoint now = outcome.table().endpoint(endpointName);
            if (old.writerFollowsObservedPrimary() != now.writerFollowsObservedPrimary()) {
                described.details.put("writerFollowsObservedPrimary", Boolean.toString(now.writerFollowsObservedPrimary()));
            }
            return old.readerMembers().equals(now.readerMembers()) ? "VirtualEndpointUpdated" : "ReaderRetargeted";
        }

        @Override
        public String deleteEndpoint(RoutingCommand.DeleteEndpoint command) {
            return pair(command.serverName(), command.endpointName(), "VirtualEndpointDeleted");
        }

        /** A command on a pair names the pair and the primary it was addressed through. */
        private String pair(String serverName, String endpointName, String kind) {
            described.servers.add(serverName);
            described.endpoints.add(endpointName);
            return kind;
        }

        @Override
        public String promote(RoutingCommand.Promote command) {
            described.servers.add(command.serverName());
            described.servers.add(before.server(command.serverName()).primaryName());
            described.details.put("promoteMode", command.mode().name());
            described.details.put("promoteOption", command.option().name());
            return "ReplicaPromoted";
        }

        @Override
        public String replaceState(RoutingCommand.ReplaceState command) {
            described.wholeState = true;
            described.details.put("servers", Integer.toString(outcome.table().serverCount()));
            described.details.put("virtualEndpoints", Integer.toString(outcome.table().endpointCount()));
            return "StateImported";
        }

        @Override
        public String createToken(RoutingCommand.CreateToken command) {
            Token token = outcome.table().token(command.name());
            described.details.put("token", token.name());
            described.details.put("role", token.role().name());
            if (!token.servers().isEmpty()) {
                described.details.put("servers", String.join(",", token.servers()));
            }
            if (token.expiresAt() != null) {
                described.details.put("expiresAt", token.expiresAt().toString());
            }
            return "TokenCreated";
        }

        @Override
        public String deleteToken(RoutingCommand.DeleteToken command) {
            described.details.put("token", command.name());
            return "TokenDeleted";
        }

        @Override
        public String rerouteReader(RoutingCommand.RerouteReader command) {
            VirtualEndpoint endpoint = observedPair(command.endpointName());
            described.details.put("readerMembers", String.join(",", endpoint.readerMembers()));
            if (command.reroute() == null) {
                return "ReaderRestored";
            }
            described.details.put("reason", command.reroute().reason());
            return "ReaderRerouted";
        }

        @Override
        public String markRoleMismatch(RoutingCommand.MarkRoleMismatch command) {
            VirtualEndpoint endpoint = observedPair(command.endpointName());
            if (command.mismatch() == null) {
                described.details.put("mismatch", endpoint.roleMismatch());
                return "RoleMismatchCleared";
            }
            described.details.put("mismatch", command.mismatch());
            return "RoleMismatch";
        }

        /** A change the probes made names the pair, as it was, and its primary. */
        private VirtualEndpoint observedPair(String endpointName) {
            VirtualEndpoint endpoint = before.endpoint(endpointName);
            described.servers.add(endpoint.primaryName());
            described.endpoints.add(endpoint.name());
            return endpoint;
        }

        @Override
        public String putCustomEndpoint(RoutingCommand.PutCustomEndpoint command) {
            described.servers.add(command.serverName());
            described.details.put("customEndpoint", command.name());
            return outcome.effect() == Outcome.Effect.CREATED ? "CustomEndpointCreated" : "CustomEndpointUpdated";
        }

        @Override
        public String patchCustomEndpoint(RoutingCommand.PatchCustomEndpoint command) {
            described.servers.add(command.serverName());
            described.details.put("customEndpoint", command.name());
            return "CustomEndpointUpdated";
        }

        @Override
        public String deleteCustomEndpoint(RoutingCommand.DeleteCustomEndpoint command) {
            described.servers.add(command.serverName());
            described.details.put("customEndpoint", command.name());
            return "CustomEndpointDeleted";
        }

        @Override
        public String rerouteCustom(RoutingCommand.RerouteCustom command) {
            described.servers.add(before.custom(command.name()).primaryName());
            described.details.put("customEndpoint", command.name());
            if (command.reroute() == null) {
                return "CustomEndpointRestored";
            }
            described.details.put("reason", command.reroute().reason());
            return "CustomEndpointRerouted";
        }

        @Override
        public String followObservedPrimary(RoutingCommand.FollowObservedPrimary command) {
            described.servers.add(command.serverName());
            described.servers.add(before.server(command.serverName()).primaryName());
            described.details.put("promoteMode", PromoteMode.Switchover.name());
            described.details.put("promoteOption", PromoteOption.Forced.name());
            described.details.put("reason", command.reason());
            return "AutomaticSwitchover";
        }
    }

    /** Servers altered, pairs created, retargeted or removed, and how each name moved. */
    private final class Touched implements Mutation.Visitor<Void> {
        private final RoutingTable before;
        private final Described described;

        Touched(RoutingTable before, Described described) {
            this.before = before;
            this.described = described;
        }

        @Override
        public Void putServer(Server server) {
            if (before.server(server.name()) != null) {
                described.servers.add(server.name());
            }
            return null;
        }

        @Override
        public Void removeServer(String name) {
            return null;
        }

        @Override
        public Void putEndpoint(VirtualEndpoint endpoint) {
            addTargetChanges(before.endpoint(endpoint.name()), endpoint, endpoint.name(), described.targets);
            described.endpoints.add(endpoint.name());
            return null;
        }

        @Override
        public Void removeEndpoint(String name) {
            addTargetChanges(before.endpoint(name), null, name, described.targets);
            described.endpoints.add(name);
            return null;
        }

        @Override
        public Void putCustom(CustomEndpoint custom) {
            CustomEndpoint old = before.custom(custom.name());
            addMembersChange(custom.name(), old == null ? null : old.effectiveTargets(), custom.effectiveTargets(),
                    described.targets);
            return null;
        }

        @Override
        public Void removeCustom(String name) {
            addMembersChange(name, before.custom(name).effectiveTargets(), null, described.targets);
            return null;
        }

        @Override
        public Void putToken(Token token) {
            return null;
        }

        @Override
        public Void removeToken(String name) {
            return null;
        }
    }

    /** Writer before reader, endpoints by name: the order a person reads a change in. */
    private static final Comparator<TargetChange> TARGET_ORDER = Comparator
            .comparing((TargetChange change) -> change.fqdn().substring(0, change.fqdn().indexOf('.')))
            .thenComparing(change -> change.fqdn().contains(".reader.") ? 1 : 0);

    /** A custom endpoint's members before and after, as one name's targets (comma-separated, in turn). */
    private void addMembersChange(String name, List<String> before, List<String> after, List<TargetChange> targets) {
        if (!Objects.equals(before, after)) {
            targets.add(new TargetChange(ZoneNames.fqdn(ZoneNames.custom(name, origin)),
                    before == null ? null : String.join(",", before), after == null ? null : String.join(",", after)));
        }
    }

    private void addTargetChanges(VirtualEndpoint old, VirtualEndpoint now, String name, List<TargetChange> targets) {
        String writerBefore = old == null ? null : old.primaryName();
        String writerAfter = now == null ? null : now.primaryName();
        String readerBefore = old == null ? null : String.join(",", old.effectiveReaderTargets());
        String readerAfter = now == null ? null : String.join(",", now.effectiveReaderTargets());
        if (!Objects.equals(writerBefore, writerAfter)) {
            targets.add(new TargetChange(ZoneNames.fqdn(ZoneNames.writer(name, origin)), writerBefore, writerAfter));
        }
        if (!Objects.equals(readerBefore, readerAfter)) {
            targets.add(new TargetChange(ZoneNames.fqdn(ZoneNames.reader(name, origin)), readerBefore, readerAfter));
        }
    }
}

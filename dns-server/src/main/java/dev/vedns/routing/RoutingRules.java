package dev.vedns.routing;

import dev.vedns.routing.Outcome.Effect;
import dev.vedns.routing.RoutingCommand.CreateToken;
import dev.vedns.routing.RoutingCommand.DeleteEndpoint;
import dev.vedns.routing.RoutingCommand.DeleteServer;
import dev.vedns.routing.RoutingCommand.DeleteToken;
import dev.vedns.routing.RoutingCommand.FollowObservedPrimary;
import dev.vedns.routing.RoutingCommand.MarkRoleMismatch;
import dev.vedns.routing.RoutingCommand.Promote;
import dev.vedns.routing.RoutingCommand.PutEndpoint;
import dev.vedns.routing.RoutingCommand.PutServer;
import dev.vedns.routing.RoutingCommand.ReplaceState;
import dev.vedns.routing.RoutingCommand.RerouteReader;
import dev.vedns.routing.RoutingCommand.PatchEndpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * The rules of virtual endpoints, as Azure Database for PostgreSQL applies them: a pure function from the
 * current table and a command to the next table, or a {@link RoutingException} that leaves everything as it was.
 */
public final class RoutingRules {

    /** How many custom endpoints a set may have unless configured otherwise. */
    public static final int CUSTOM_ENDPOINTS_PER_SET = 16;

    private final Name origin;
    private final int customEndpointsPerSet;

    /**
     * @param origin                the zone, which a whole-state document must name
     * @param customEndpointsPerSet the most custom endpoints one replication set may have
     */
    public RoutingRules(Name origin, int customEndpointsPerSet) {
        this.origin = origin;
        this.customEndpointsPerSet = customEndpointsPerSet;
    }

    public Outcome apply(RoutingTable table, RoutingCommand command) {
        return apply(table, command, SwitchoverReadiness.ALWAYS);
    }

    /** @param readiness what may refuse a Planned switchover for the state of the replica's database */
    public Outcome apply(RoutingTable table, RoutingCommand command, SwitchoverReadiness readiness) {
        Outcome outcome = decide(table, command, readiness);
        return outcome.changed()
                ? new Outcome(CustomEndpointRules.followSets(table, outcome.table()), outcome.effect()) : outcome;
    }

    private Outcome decide(RoutingTable table, RoutingCommand command, SwitchoverReadiness readiness) {
        return command.accept(new RoutingCommand.Visitor<>() {
            @Override
            public Outcome putServer(PutServer command) {
                return RoutingRules.putServer(table, command);
            }

            @Override
            public Outcome deleteServer(DeleteServer command) {
                return RoutingRules.deleteServer(table, command);
            }

            @Override
            public Outcome putEndpoint(PutEndpoint command) {
                return RoutingRules.putEndpoint(table, command);
            }

            @Override
            public Outcome patchEndpoint(PatchEndpoint command) {
                return RoutingRules.patchEndpoint(table, command);
            }

            @Override
            public Outcome deleteEndpoint(DeleteEndpoint command) {
                return RoutingRules.deleteEndpoint(table, command);
            }

            @Override
            public Outcome promote(Promote command) {
                return RoutingRules.promote(table, command, readiness);
            }

            @Override
            public Outcome replaceState(ReplaceState command) {
                RoutingTable next = StateImportRules.build(command, origin, customEndpointsPerSet).withTokensOf(table);
                return new Outcome(next, next.equals(table) ? Effect.UNCHANGED : Effect.UPDATED);
            }

            @Override
            public Outcome createToken(CreateToken command) {
                return TokenRules.create(table, command);
            }

            @Override
            public Outcome deleteToken(DeleteToken command) {
                return TokenRules.delete(table, command);
            }

            @Override
            public Outcome rerouteReader(RerouteReader command) {
                return ObservedRules.reroute(table, command);
            }

            @Override
            public Outcome markRoleMismatch(MarkRoleMismatch command) {
                return ObservedRules.markRoleMismatch(table, command);
            }

            @Override
            public Outcome followObservedPrimary(FollowObservedPrimary command) {
                return ObservedRules.followObservedPrimary(table, command);
            }

            @Override
            public Outcome putCustomEndpoint(RoutingCommand.PutCustomEndpoint command) {
                return CustomEndpointRules.put(table, command, customEndpointsPerSet);
            }

            @Override
            public Outcome patchCustomEndpoint(RoutingCommand.PatchCustomEndpoint command) {
                return CustomEndpointRules.patch(table, command);
            }

            @Override
            public Outcome deleteCustomEndpoint(RoutingCommand.DeleteCustomEndpoint command) {
                return CustomEndpointRules.delete(table, command);
            }

            @Override
            public Outcome rerouteCustom(RoutingCommand.RerouteCustom command) {
                return ObservedRules.rerouteCustom(table, command);
            }
        });
    }

    private static Outcome putServer(RoutingTable table, PutServer put) {
        List<FieldError> errors = new ArrayList<>();
        addIfBroken(errors, Names.check("serverName", put.serverName()));
        ServerFields.Parsed fields = ServerFields.check(put.replicationRole(), put.sourceServerName(), put.addresses(),
                put.probe(), errors);
        ReplicationRole role = fields.role();
        String source = fields.source();
        List<InetAddress> addresses = fields.addresses();
        ServerProbe probe = fields.probe();
        throwIfAny(errors);

        Server existing = table.server(put.serverName());
        if (existing != null) {
            if (existing.role() != role || !Objects.equals(existing.sourceServerName(), source)) {
                throw RoutingException.conflict("Server '" + existing.name() + "' is " + describeRole(existing)
                        + "; its role and source change only by promotion, not by PUT.");
            }
            if (existing.addresses().equals(addresses) && Objects.equals(existing.probe(), probe)) {
                return new Outcome(table, Effect.UNCHANGED);
            }
            return new Outcome(table.withServer(existing.withAddresses(addresses, probe)), Effect.UPDATED);
        }

        if (table.endpoint(put.serverName()) != null || table.custom(put.serverName()) != null) {
            throw RoutingException.conflict("The name '" + put.serverName()
                    + "' is already taken in the zone by a virtual endpoint pair or a custom endpoint.");
        }
        if (role == ReplicationRole.AsyncReplica) {
            Server primary = table.server(source);
            if (primary == null) {
                throw RoutingException.invalid(List.of(new FieldError("sourceServerName", "existingPrimary",
                        "sourceServerName '" + source + "' is not a registered server: register the primary first.")));
            }
            if (!primary.isPrimary()) {
                throw RoutingException.invalid(List.of(new FieldError("sourceServerName", "existingPrimary",
                        "sourceServerName '" + source + "' is a replica of '" + primary.sourceServerName()
                                + "'; a replica must replicate from a primary.")));
            }
        }
        return new Outcome(table.withServer(new Server(put.serverName(), role, source, addresses, probe)),
                Effect.CREATED);
    }

    private static Outcome deleteServer(RoutingTable table, DeleteServer delete) {
        Server server = RoutingQueries.server(table, delete.serverName());
        if (server.isPrimary()) {
            List<String> dependants = new ArrayList<>();
            List<Server> replicas = table.replicasOf(server.name());
            if (!replicas.isEmpty()) {
                dependants.add("replicas " + String.join(", ", replicas.stream().map(Server::name).toList()));
            }
            VirtualEndpoint endpoint = table.endpointOf(server.name());
            if (endpoint != null) {
                dependants.add("virtual endpoint pair '" + endpoint.name() + "'");
            }
            List<CustomEndpoint> customs = table.customsOf(server.name());
            if (!customs.isEmpty()) {
                dependants.add("custom endpoints " + String.join(", ", customs.stream().map(CustomEndpoint::name).toList()));
            }
            if (!dependants.isEmpty()) {
                throw RoutingException.conflict("Primary '" + server.name() + "' still has "
                        + String.join(" and ", dependants) + ": delete them first.");
            }
            return new Outcome(table.withoutServer(server.name()), Effect.DELETED);
        }
        RoutingTable next = table.withoutServer(server.name());
        VirtualEndpoint endpoint = table.endpointOf(server.primaryName());
        if (endpoint != null && endpoint.readerAnswers(server.name())) {
            next = next.withEndpoint(endpoint.withReaderMembers(endpoint.membersWithout(server.name())));
        }
        return new Outcome(next, Effect.DELETED);
    }

    private static Outcome putEndpoint(RoutingTable table, PutEndpoint put) {
        List<FieldError> errors = new ArrayList<>();
        EndpointFields.checkName(put.endpointName(), errors);
        EndpointFields.checkType(put.endpointType(), true, errors);
        EndpointFields.checkMembers(put.members(), false, errors);
        throwIfAny(errors);
        Server primary = requirePrimaryForWrite(table, put.serverName());
        List<String> members = EndpointFields.readerMembers(table, primary, put.members(), errors);
        throwIfAny(errors);

        VirtualEndpoint byName = table.endpoint(put.endpointName());
        if (byName != null && !byName.primaryName().equals(primary.name())) {
            throw RoutingException.conflict("The name '" + put.endpointName() + "' is already taken in the zone by"
                    + " the virtual endpoint pair of '" + byName.primaryName() + "'.");
        }
        if (byName != null) {
            return changed(table, byName, put.members() == null ? null : members, put.writerFollowsObservedPrimary());
        }
        if (table.server(put.endpointName()) != null || table.custom(put.endpointName()) != null) {
            throw RoutingException.conflict("The name '" + put.endpointName()
                    + "' is already taken in the zone by a server or a custom endpoint.");
        }
        VirtualEndpoint existing = table.endpointOf(primary.name());
        if (existing != null) {
            throw RoutingException.conflict("The replication set of '" + primary.name() + "' already has the virtual"
                    + " endpoint pair '" + existing.name() + "'; a set has at most one pair.");
        }
        return new Outcome(table.withEndpoint(new VirtualEndpoint(put.endpointName(), primary.name(), members,
                Boolean.TRUE.equals(put.writerFollowsObservedPrimary()), null, null)), Effect.CREATED);
    }

    private static Outcome patchEndpoint(RoutingTable table, PatchEndpoint retarget) {
        List<FieldError> errors = new ArrayList<>();
        EndpointFields.checkType(retarget.endpointType(), false, errors);
        EndpointFields.checkMembers(retarget.members(), retarget.writerFollowsObservedPrimary() == null, errors);
        throwIfAny(errors);
        Server primary = requirePrimaryForWrite(table, retarget.serverName());
        VirtualEndpoint endpoint = RoutingQueries.endpointOf(table, primary, retarget.endpointName());
        List<String> members = retarget.members() == null ? null
                : EndpointFields.readerMembers(table, primary, retarget.members(), errors);
        throwIfAny(errors);
        return changed(table, endpoint, members, retarget.writerFollowsObservedPrimary());
    }

    /** An existing pair with new reader members and option, each left as it is when null. */
    private static Outcome changed(RoutingTable table, VirtualEndpoint endpoint, List<String> members,
                                   Boolean follows) {
        VirtualEndpoint next = endpoint;
        if (members != null && !members.equals(endpoint.readerMembers())) {
            next = next.withReaderMembers(members);
        }
        if (follows != null && follows != endpoint.writerFollowsObservedPrimary()) {
            next = next.withWriterFollowsObservedPrimary(follows);
        }
        return next.equals(endpoint) ? new Outcome(table, Effect.UNCHANGED)
                : new Outcome(table.withEndpoint(next), Effect.UPDATED);
    }

    private static Outcome deleteEndpoint(RoutingTable table, DeleteEndpoint delete) {
        Server primary = requirePrimaryForWrite(table, delete.serverName());
        VirtualEndpoint endpoint = RoutingQueries.endpointOf(table, primary, delete.endpointName());
        return new Outcome(table.withoutEndpoint(endpoint.name()), Effect.DELETED);
    }

    private static Outcome promote(RoutingTable table, Promote promote, SwitchoverReadiness readiness) {
        Server replica = replicaToPromote(table, promote.serverName());
        Server primary = table.server(replica.sourceServerName());
        VirtualEndpoint pair = table.endpointOf(primary.name());
        if (promote.mode() == PromoteMode.Standalone) {
            RoutingTable next = table.withServer(replica.withRole(ReplicationRole.Primary, null));
            if (pair != null && pair.readerAnswers(replica.name())) {
                next = next.withEndpoint(pair.withReaderMembers(pair.membersWithout(replica.name())));
            }
            return new Outcome(next, Effect.UPDATED);
        }
        if (pair != null && !pair.readerMembers().contains(replica.name())) {
            throw RoutingException.conflict("The reader of virtual endpoint pair '" + pair.name() + "' targets '"
                    + String.join("', '", pair.readerMembers()) + "', not '" + replica.name()
                    + "': " + (pair.readerMembers().size() > 1 ? "add '" + replica.name() + "' to the reader's pool"
                    : "retarget the reader to '" + replica.name() + "'")
                    + " first (PATCH its members), then promote, so reads never land on the new primary by surprise.");
        }
        if (promote.option() == PromoteOption.Planned) {
            String unready = readiness.unready(replica.name());
            if (unready != null) {
                throw RoutingException.conflict("A Planned switchover to '" + replica.name() + "' is refused: "
                        + unready + ". Wait for it to catch up, or use promoteOption Forced to accept losing what it"
                        + " has not replayed.");
            }
        }
        return new Outcome(switchedOver(table, replica,
                pair == null ? null : pair.membersReplacing(replica.name(), primary.name())), Effect.UPDATED);
    }

    /** The server a promotion names, refused unless it is a replica. */
    static Server replicaToPromote(RoutingTable table, String serverName) {
        Server replica = RoutingQueries.server(table, serverName);
        if (replica.isPrimary()) {
            throw RoutingException.conflict("Server '" + replica.name() + "' is a primary already: only a replica can be promoted.");
        }
        return replica;
    }

    /**
     * The table after {@code replica} took over its set: the old primary and every sibling replicate from it,
     * and the set's pair (if any) writes to it and reads from {@code readerMembers}.
     */
    static RoutingTable switchedOver(RoutingTable table, Server replica, List<String> readerMembers) {
        Server primary = table.server(replica.sourceServerName());
        RoutingTable next = table.withServer(replica.withRole(ReplicationRole.Primary, null))
                .withServer(primary.withRole(ReplicationRole.AsyncReplica, replica.name()));
        for (Server sibling : table.replicasOf(primary.name())) {
            if (!sibling.name().equals(replica.name())) {
                next = next.withServer(sibling.withRole(ReplicationRole.AsyncReplica, replica.name()));
            }
        }
        VirtualEndpoint pair = table.endpointOf(primary.name());
        if (pair != null) {
            next = next.withEndpoint(pair.afterPromotion(replica.name(), readerMembers));
        }
        return next;
    }

    /** Endpoints are managed through the primary only; a replica's path is refused with the primary's name. */
    static Server requirePrimaryForWrite(RoutingTable table, String serverName) {
        Server server = RoutingQueries.server(table, serverName);
        if (!server.isPrimary()) {
            throw RoutingException.conflict("Server '" + server.name() + "' is a replica: manage virtual endpoints"
                    + " through its primary '" + server.primaryName() + "'.");
        }
        return server;
    }

    private static String describeRole(Server server) {
        return server.isPrimary() ? "a Primary" : "an AsyncReplica of '" + server.sourceServerName() + "'";
    }

    private static void addIfBroken(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
    }
}

package dev.vedns.routing;

import dev.vedns.routing.Outcome.Effect;
import dev.vedns.routing.RoutingCommand.DeleteEndpoint;
import dev.vedns.routing.RoutingCommand.DeleteServer;
import dev.vedns.routing.RoutingCommand.Promote;
import dev.vedns.routing.RoutingCommand.PutEndpoint;
import dev.vedns.routing.RoutingCommand.PutServer;
import dev.vedns.routing.RoutingCommand.RetargetReader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of virtual endpoints, as Azure Database for PostgreSQL applies them: a pure function from the
 * current table and a command to the next table, or a {@link RoutingException} that leaves everything as it was.
 */
public final class RoutingRules {

    private RoutingRules() {
    }

    public static Outcome apply(RoutingTable table, RoutingCommand command) {
        // Java 17 has no pattern switch; the interface is sealed, so this chain is exhaustive.
        if (command instanceof PutServer put) {
            return putServer(table, put);
        }
        if (command instanceof DeleteServer delete) {
            return deleteServer(table, delete);
        }
        if (command instanceof PutEndpoint put) {
            return putEndpoint(table, put);
        }
        if (command instanceof RetargetReader retarget) {
            return retargetReader(table, retarget);
        }
        if (command instanceof Promote promote) {
            return promote(table, promote);
        }
        if (command instanceof DeleteEndpoint delete) {
            return deleteEndpoint(table, delete);
        }
        throw new IllegalArgumentException("a whole-state document needs the zone: use StateImportRules");
    }

    private static Outcome putServer(RoutingTable table, PutServer put) {
        List<FieldError> errors = new ArrayList<>();
        addIfBroken(errors, Names.check("serverName", put.serverName()));
        ServerFields.Parsed fields = ServerFields.check("", put.replicationRole(), put.sourceServerName(), put.addresses(),
                errors);
        ReplicationRole role = fields.role();
        String source = fields.source();
        List<InetAddress> addresses = fields.addresses();
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }

        Server existing = table.server(put.serverName());
        if (existing != null) {
            if (existing.role() != role || !Objects.equals(existing.sourceServerName(), source)) {
                throw RoutingException.conflict("Server '" + existing.name() + "' is " + describeRole(existing)
                        + "; its role and source change only by promotion, not by PUT.");
            }
            if (existing.addresses().equals(addresses)) {
                return new Outcome(table, Effect.UNCHANGED);
            }
            return new Outcome(table.withServer(existing.withAddresses(addresses)), Effect.UPDATED);
        }

        if (table.endpoint(put.serverName()) != null) {
            throw RoutingException.conflict("The name '" + put.serverName()
                    + "' is already taken in the zone by a virtual endpoint pair.");
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
        return new Outcome(table.withServer(new Server(put.serverName(), role, source, addresses)), Effect.CREATED);
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
            if (!dependants.isEmpty()) {
                throw RoutingException.conflict("Primary '" + server.name() + "' still has "
                        + String.join(" and ", dependants) + ": delete them first.");
            }
            return new Outcome(table.withoutServer(server.name()), Effect.DELETED);
        }
        RoutingTable next = table.withoutServer(server.name());
        VirtualEndpoint endpoint = table.endpointOf(server.primaryName());
        if (endpoint != null && endpoint.readerTarget().equals(server.name())) {
            next = next.withEndpoint(endpoint.withReaderTarget(endpoint.primaryName()));
        }
        return new Outcome(next, Effect.DELETED);
    }

    private static Outcome putEndpoint(RoutingTable table, PutEndpoint put) {
        List<FieldError> errors = new ArrayList<>();
        addIfBroken(errors, Names.check("endpointName", put.endpointName()));
        if (put.endpointType() == null) {
            errors.add(new FieldError("endpointType", "required", "endpointType is required: ReadWrite."));
        }
        checkEndpointType(put.endpointType(), errors);
        checkMembersShape(put.members(), false, errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        Server primary = requirePrimaryForWrite(table, put.serverName());
        String target = put.members() == null ? null : memberOfSet(table, primary, put.members().get(0));

        VirtualEndpoint byName = table.endpoint(put.endpointName());
        if (byName != null && !byName.primaryName().equals(primary.name())) {
            throw RoutingException.conflict("The name '" + put.endpointName() + "' is already taken in the zone by"
                    + " the virtual endpoint pair of '" + byName.primaryName() + "'.");
        }
        if (byName != null) {
            if (target == null || target.equals(byName.readerTarget())) {
                return new Outcome(table, Effect.UNCHANGED);
            }
            return new Outcome(table.withEndpoint(byName.withReaderTarget(target)), Effect.UPDATED);
        }
        if (table.server(put.endpointName()) != null) {
            throw RoutingException.conflict("The name '" + put.endpointName() + "' is already taken in the zone by a server.");
        }
        VirtualEndpoint existing = table.endpointOf(primary.name());
        if (existing != null) {
            throw RoutingException.conflict("The replication set of '" + primary.name() + "' already has the virtual"
                    + " endpoint pair '" + existing.name() + "'; a set has at most one pair.");
        }
        if (target == null) {
            target = defaultReaderTarget(table, primary);
        }
        return new Outcome(table.withEndpoint(new VirtualEndpoint(put.endpointName(), primary.name(), target)),
                Effect.CREATED);
    }

    private static void checkEndpointType(String endpointType, List<FieldError> errors) {
        if (endpointType != null && !VirtualEndpoint.READ_WRITE.equalsIgnoreCase(endpointType)) {
            errors.add(new FieldError("endpointType", "oneOf", "endpointType '" + endpointType
                    + "' is not supported: the only endpoint type is ReadWrite."));
        }
    }

    /** A replica (the first by name) when the set has one, so reads leave the primary; the primary otherwise. */
    private static String defaultReaderTarget(RoutingTable table, Server primary) {
        List<Server> replicas = table.replicasOf(primary.name());
        return replicas.isEmpty() ? primary.name() : replicas.get(0).name();
    }

    private static Outcome retargetReader(RoutingTable table, RetargetReader retarget) {
        List<FieldError> errors = new ArrayList<>();
        checkEndpointType(retarget.endpointType(), errors);
        checkMembersShape(retarget.members(), true, errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        Server primary = requirePrimaryForWrite(table, retarget.serverName());
        VirtualEndpoint endpoint = RoutingQueries.endpointOf(table, primary, retarget.endpointName());
        String target = memberOfSet(table, primary, retarget.members().get(0));
        if (target.equals(endpoint.readerTarget())) {
            return new Outcome(table, Effect.UNCHANGED);
        }
        return new Outcome(table.withEndpoint(endpoint.withReaderTarget(target)), Effect.UPDATED);
    }

    private static Outcome deleteEndpoint(RoutingTable table, DeleteEndpoint delete) {
        Server primary = requirePrimaryForWrite(table, delete.serverName());
        VirtualEndpoint endpoint = RoutingQueries.endpointOf(table, primary, delete.endpointName());
        return new Outcome(table.withoutEndpoint(endpoint.name()), Effect.DELETED);
    }

    private static Outcome promote(RoutingTable table, Promote promote) {
        List<FieldError> errors = new ArrayList<>();
        PromoteMode mode = Choices.parseOr(PromoteMode.class, "promoteMode", promote.promoteMode(), PromoteMode.Switchover, errors);
        Choices.parseOr(PromoteOption.class, "promoteOption", promote.promoteOption(), PromoteOption.Planned, errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        Server replica = RoutingQueries.server(table, promote.serverName());
        if (replica.isPrimary()) {
            throw RoutingException.conflict("Server '" + replica.name() + "' is a primary already: only a replica can be promoted.");
        }
        Server primary = table.server(replica.sourceServerName());
        VirtualEndpoint pair = table.endpointOf(primary.name());
        Server promoted = replica.withRole(ReplicationRole.Primary, null);
        if (mode == PromoteMode.Standalone) {
            RoutingTable next = table.withServer(promoted);
            if (pair != null && pair.readerTarget().equals(replica.name())) {
                next = next.withEndpoint(pair.withReaderTarget(primary.name()));
            }
            return new Outcome(next, Effect.UPDATED);
        }
        if (pair != null && !pair.readerTarget().equals(replica.name())) {
            throw RoutingException.conflict("The reader of virtual endpoint pair '" + pair.name() + "' targets '"
                    + pair.readerTarget() + "', not '" + replica.name() + "': retarget the reader to '" + replica.name()
                    + "' first (PATCH its members), then promote, so reads never land on the new primary by surprise.");
        }
        RoutingTable next = table.withServer(promoted)
                .withServer(primary.withRole(ReplicationRole.AsyncReplica, replica.name()));
        for (Server sibling : table.replicasOf(primary.name())) {
            if (!sibling.name().equals(replica.name())) {
                next = next.withServer(sibling.withRole(ReplicationRole.AsyncReplica, replica.name()));
            }
        }
        if (pair != null) {
            next = next.withEndpoint(new VirtualEndpoint(pair.name(), replica.name(), primary.name()));
        }
        return new Outcome(next, Effect.UPDATED);
    }

    private static void checkMembersShape(List<String> members, boolean required, List<FieldError> errors) {
        if (members == null) {
            if (required) {
                errors.add(new FieldError("members", "required", "members is required: name the reader's target server."));
            }
            return;
        }
        if (members.size() != 1) {
            errors.add(new FieldError("members", "size",
                    "members must name exactly one server: the reader's target (it names " + members.size() + ")."));
        }
    }

    /** The member if it is the primary or one of its replicas; a 400 naming the member otherwise. */
    private static String memberOfSet(RoutingTable table, Server primary, String member) {
        Server server = member == null ? null : table.server(member);
        if (server == null) {
            throw RoutingException.invalid(List.of(new FieldError("members[0]", "existingServer",
                    "members[0] '" + member + "' is not a registered server.")));
        }
        if (!server.primaryName().equals(primary.name())) {
            throw RoutingException.invalid(List.of(new FieldError("members[0]", "memberOfReplicationSet",
                    "members[0] '" + member + "' is not in the replication set of '" + primary.name()
                            + "': choose the primary or one of its replicas.")));
        }
        return server.name();
    }

    /** Endpoints are managed through the primary only; a replica's path is refused with the primary's name. */
    private static Server requirePrimaryForWrite(RoutingTable table, String serverName) {
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
}

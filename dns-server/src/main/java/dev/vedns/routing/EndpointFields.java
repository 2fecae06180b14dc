package dev.vedns.routing;

import java.util.HashSet;
import java.util.List;

/**
 * The field rules of one endpoint pair's description, shared by PUT and PATCH on a pair and by whole-state
 * imports, and the one place that picks a reader's target when none is named. Broken fields are reported
 * into the caller's list, each named as the pair's own fields are: {@code name}, {@code endpointType},
 * {@code members[0]}.
 */
final class EndpointFields {

    private EndpointFields() {
    }

    static void checkName(String name, List<FieldError> errors) {
        FieldError broken = Names.check("name", name);
        if (broken != null) {
            errors.add(broken);
        }
    }

    static void checkType(String endpointType, boolean required, List<FieldError> errors) {
        if (endpointType == null) {
            if (required) {
                errors.add(new FieldError("endpointType", "required", "endpointType is required: ReadWrite."));
            }
        } else if (!VirtualEndpoint.READ_WRITE.equalsIgnoreCase(endpointType)) {
            errors.add(new FieldError("endpointType", "oneOf", "endpointType '" + endpointType
                    + "' is not supported: the only endpoint type is ReadWrite."));
        }
    }

    /** The shape of {@code members}: absent (when allowed) or at least one name, each once. */
    static void checkMembers(List<String> members, boolean required, List<FieldError> errors) {
        if (members == null) {
            if (required) {
                errors.add(new FieldError("members", "required", "members is required: name the reader's target server."));
            }
        } else if (members.isEmpty()) {
            errors.add(new FieldError("members", "size",
                    "members must name at least one server: the reader's target, or several for a pool."));
        } else if (new HashSet<>(members).size() != members.size()) {
            errors.add(new FieldError("members", "unique", "members names a server more than once."));
        }
    }

    /**
     * The reader's members for well-shaped {@code members}: the servers they name when each is the primary or one
     * of its replicas (null, with each broken rule reported, otherwise), or the default when none is named.
     */
    static List<String> readerMembers(RoutingTable table, Server primary, List<String> members,
                                      List<FieldError> errors) {
        if (members == null) {
            return List.of(defaultReaderTarget(table, primary));
        }
        int before = errors.size();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String field = "members[" + i + "]";
            Server server = member == null ? null : table.server(member);
            if (server == null) {
                errors.add(new FieldError(field, "existingServer", field + " '" + member + "' is not a registered server."));
            } else if (!server.primaryName().equals(primary.name())) {
                errors.add(new FieldError(field, "memberOfReplicationSet", field + " '" + member
                        + "' is not in the replication set of '" + primary.name()
                        + "': choose the primary or one of its replicas."));
            }
        }
        return errors.size() == before ? List.copyOf(members) : null;
    }

    /** A replica (the first by name) when the set has one, so reads leave the primary; the primary otherwise. */
    private static String defaultReaderTarget(RoutingTable table, Server primary) {
        List<Server> replicas = table.replicasOf(primary.name());
        return replicas.isEmpty() ? primary.name() : replicas.get(0).name();
    }
}

package dev.vedns.routing;

import dev.vedns.routing.Outcome.Effect;
import dev.vedns.routing.RoutingCommand.DeleteCustomEndpoint;
import dev.vedns.routing.RoutingCommand.PatchCustomEndpoint;
import dev.vedns.routing.RoutingCommand.PutCustomEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The rules of custom endpoints: each field rule once (for single requests and whole-state imports), the limit
 * per set, the zone's one namespace, and how they follow their set when its servers change.
 */
final class CustomEndpointRules {

    /** What a definition's fields say, as far as they could be read; broken fields are reported, not thrown. */
    record Parsed(CustomEndpointType type, List<String> members, List<String> excludedMembers) {
    }

    private CustomEndpointRules() {
    }

    static Outcome put(RoutingTable table, PutCustomEndpoint put, int perSet) {
        List<FieldError> errors = new ArrayList<>();
        EndpointFields.checkName(put.name(), errors);
        RoutingRules.throwIfAny(errors);
        Server primary = RoutingRules.requirePrimaryForWrite(table, put.serverName());
        Parsed fields = check(table, primary, put.type(), true, put.members(), put.excludedMembers(), errors);
        RoutingRules.throwIfAny(errors);
        CustomEndpoint existing = existingOf(table, primary, put.name());
        if (existing == null) {
            if (table.server(put.name()) != null || table.endpoint(put.name()) != null) {
                throw RoutingException.conflict("The name '" + put.name()
                        + "' is already taken in the zone by a server or a virtual endpoint pair.");
            }
            if (table.customsOf(primary.name()).size() >= perSet) {
                throw RoutingException.conflict("The replication set of '" + primary.name() + "' has " + perSet
                        + " custom endpoints already, the most a set may have (vedns.custom-endpoints.per-set).");
            }
        }
        CustomEndpoint next = defined(table, primary, put.name(), fields);
        if (next.equals(existing)) {
            return new Outcome(table, Effect.UNCHANGED);
        }
        return new Outcome(table.withCustom(next), existing == null ? Effect.CREATED : Effect.UPDATED);
    }

    static Outcome patch(RoutingTable table, PatchCustomEndpoint patch) {
        Server primary = RoutingRules.requirePrimaryForWrite(table, patch.serverName());
        CustomEndpoint existing = required(table, primary, patch.name());
        List<FieldError> errors = new ArrayList<>();
        boolean membership = patch.members() != null || patch.excludedMembers() != null;
        if (!membership && patch.type() == null) {
            errors.add(new FieldError("type", "required", "Give type, members or excludedMembers to change."));
            RoutingRules.throwIfAny(errors);
        }
        Parsed fields = check(table, primary, patch.type() == null ? existing.type().name() : patch.type(), true,
                membership ? patch.members() : existing.members(),
                membership ? patch.excludedMembers() : existing.excludedMembers(), errors);
        RoutingRules.throwIfAny(errors);
        CustomEndpoint next = defined(table, primary, patch.name(), fields);
        return next.equals(existing) ? new Outcome(table, Effect.UNCHANGED)
                : new Outcome(table.withCustom(next), Effect.UPDATED);
    }

    static Outcome delete(RoutingTable table, DeleteCustomEndpoint delete) {
        Server primary = RoutingRules.requirePrimaryForWrite(table, delete.serverName());
        CustomEndpoint existing = required(table, primary, delete.name());
        return new Outcome(table.withoutCustom(existing.name()), Effect.DELETED);
    }

    /** The field rules of one definition, reported into {@code errors} under the definition's own field names. */
    static Parsed check(RoutingTable table, Server primary, String typeText, boolean typeRequired, List<String> members,
                        List<String> excludedMembers, List<FieldError> errors) {
        CustomEndpointType type = Choices.parseOr(CustomEndpointType.class, "type", typeText,
                typeRequired ? null : CustomEndpointType.Reader, errors);
        if (members != null && excludedMembers != null) {
            errors.add(new FieldError("excludedMembers", "exclusive",
                    "Give members (a static list) or excludedMembers (all of the set but these), not both."));
        } else if (members == null && excludedMembers == null) {
            errors.add(new FieldError("members", "required",
                    "members or excludedMembers is required: the servers it answers, or those it leaves out."));
        }
        if (members != null && members.isEmpty()) {
            errors.add(new FieldError("members", "size", "members must name at least one server."));
        }
        checkServers(table, primary, "members", members, type == CustomEndpointType.Reader, errors);
        checkServers(table, primary, "excludedMembers", excludedMembers, false, errors);
        return new Parsed(type, members, excludedMembers);
    }

    private static void checkServers(RoutingTable table, Server primary, String field, List<String> names,
                                     boolean replicasOnly, List<FieldError> errors) {
        if (names == null) {
            return;
        }
        if (new HashSet<>(names).size() != names.size()) {
            errors.add(new FieldError(field, "unique", field + " names a server more than once."));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String place = field + "[" + i + "]";
            Server server = name == null ? null : table.server(name);
            if (server == null) {
                errors.add(new FieldError(place, "existingServer", place + " '" + name + "' is not a registered server."));
            } else if (!server.primaryName().equals(primary.name())) {
                errors.add(new FieldError(place, "memberOfReplicationSet", place + " '" + name
                        + "' is not in the replication set of '" + primary.name() + "'."));
            } else if (replicasOnly && server.isPrimary()) {
                errors.add(new FieldError(place, "replica", place + " '" + name
                        + "' is the primary: a Reader endpoint answers replicas only (type Any answers the primary too)."));
            }
        }
    }

    static CustomEndpoint defined(RoutingTable table, Server primary, String name, Parsed fields) {
        CustomEndpoint unresolved = new CustomEndpoint(name, primary.name(), fields.type(), fields.members(),
                fields.excludedMembers(), List.of(primary.name()), null);
        return unresolved.in(table, primary.name(), fields.members(), fields.excludedMembers());
    }

    /** The custom endpoint of that name under this primary's path; NOT_FOUND when there is none. */
    private static CustomEndpoint required(RoutingTable table, Server primary, String name) {
        CustomEndpoint existing = existingOf(table, primary, name);
        if (existing == null) {
            throw RoutingException.notFound("Custom endpoint '" + name + "' does not exist on server '"
                    + primary.name() + "'.");
        }
        return existing;
    }

    /** The custom endpoint of that name under this primary's path; a name taken by another set is a conflict. */
    private static CustomEndpoint existingOf(RoutingTable table, Server primary, String name) {
        CustomEndpoint existing = table.custom(name);
        if (existing != null && !existing.primaryName().equals(primary.name())) {
            throw RoutingException.conflict("The name '" + name + "' is already taken by a custom endpoint of '"
                    + existing.primaryName() + "'.");
        }
        return existing;
    }

    /**
     * The custom endpoints after their sets' servers changed: each moves to its set's primary after a switchover,
     * its lists lose the servers that left the set (a Reader's promoted member is taken by the former primary),
     * and what it answers is worked out again, so an exclusion list gains a new replica by itself.
     */
    static RoutingTable followSets(RoutingTable before, RoutingTable after) {
        if (after.customCount() == 0 || after.sameServersAs(before)) {
            return after;
        }
        RoutingTable next = after;
        for (CustomEndpoint custom : after.customsInAnyOrder()) {
            Server formerPrimary = after.server(custom.primaryName());
            if (formerPrimary == null) {
                continue;
            }
            String primary = formerPrimary.primaryName();
            List<String> members = custom.members() == null ? null : followed(after, custom, primary, custom.members(),
                    custom.type() == CustomEndpointType.Reader);
            List<String> excluded = custom.excludedMembers() == null ? null
                    : followed(after, custom, primary, custom.excludedMembers(), false);
            CustomEndpoint moved = custom.in(after, primary, members, excluded);
            if (!moved.equals(custom)) {
                next = next.withCustom(moved);
            }
        }
        return next;
    }

    /** The names still in the set of {@code primary}; in a Reader's list, a member now primary is its former primary. */
    private static List<String> followed(RoutingTable table, CustomEndpoint custom, String primary, List<String> names,
                                         boolean replicasOnly) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            Server server = table.server(name);
            String now = replicasOnly && name.equals(primary) && !primary.equals(custom.primaryName())
                    ? custom.primaryName() : name;
            if (server != null && table.server(now).primaryName().equals(primary) && !kept.contains(now)) {
                kept.add(now);
            }
        }
        return kept;
    }
}

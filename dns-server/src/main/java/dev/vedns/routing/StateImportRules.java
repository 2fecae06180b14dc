package dev.vedns.routing;

import dev.vedns.routing.RoutingCommand.ImportedEndpoint;
import dev.vedns.routing.RoutingCommand.ImportedServer;
import dev.vedns.routing.RoutingCommand.ReplaceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Validates a whole-state document against the same field rules as the single-object commands, in one pass
 * over the document (so an import of 100,000 pairs stays linear), and reports every problem at once, each
 * named by its place in the document, e.g. {@code servers[12].addresses[0]}, with the message the same
 * mistake gets in a single request.
 */
final class StateImportRules {

    private StateImportRules() {
    }

    /** The table the document describes; INVALID listing every problem, or nothing applied. */
    static RoutingTable build(ReplaceState document, Name origin, int customEndpointsPerSet) {
        List<FieldError> errors = new ArrayList<>();
        checkZone(document.zone(), origin, errors);
        RoutingTable servers = servers(document.servers(), errors);
        List<VirtualEndpoint> endpoints = endpoints(document.virtualEndpoints(), servers, errors);
        Set<String> pairNames = new HashSet<>();
        endpoints.forEach(endpoint -> pairNames.add(endpoint.name()));
        List<CustomEndpoint> customs = customs(document.customEndpoints(), servers, pairNames, customEndpointsPerSet,
                errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        return servers.withEndpoints(endpoints).withCustoms(customs);
    }

    /** The custom endpoints, by the same field rules as a single request, against the document's servers. */
    private static List<CustomEndpoint> customs(List<RoutingCommand.ImportedCustom> items, RoutingTable servers,
                                                Set<String> pairNames, int perSet, List<FieldError> errors) {
        if (items == null) {
            return List.of();
        }
        List<CustomEndpoint> customs = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>();
        Map<String, Integer> perPrimary = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RoutingCommand.ImportedCustom item = items.get(i);
            List<FieldError> broken = new ArrayList<>();
            boolean taken = item.name() != null && (names.contains(item.name()) || pairNames.contains(item.name())
                    || servers.server(item.name()) != null);
            checkName(item.name(), taken, "is already taken in the zone by a server, a pair or a custom endpoint.",
                    broken);
            Server primary = item.serverName() == null ? null : servers.server(item.serverName());
            if (primary == null || !primary.isPrimary()) {
                broken.add(new FieldError("serverName", "existingPrimary", "serverName '" + item.serverName()
                        + "' is not a Primary listed in this document."));
            } else {
                CustomEndpointRules.Parsed fields = CustomEndpointRules.check(servers, primary, item.type(), true,
                        item.members(), item.excludedMembers(), broken);
                if (perPrimary.merge(primary.name(), 1, Integer::sum) > perSet) {
                    broken.add(new FieldError("serverName", "customEndpointsPerSet", "The replication set of '"
                            + primary.name() + "' has more than " + perSet + " custom endpoints in this document."));
                }
                if (broken.isEmpty()) {
                    names.add(item.name());
                    customs.add(CustomEndpointRules.defined(servers, primary, item.name(), fields));
                }
            }
            place(broken, "customEndpoints[" + i + "].", errors);
        }
        return customs;
    }

    private static void checkZone(String zone, Name origin, List<FieldError> errors) {
        if (zone == null) {
            errors.add(new FieldError("zone", "required", "zone is required: the document must name the zone it describes ("
                    + origin + ")."));
            return;
        }
        Name named;
        try {
            named = Name.fromString(zone, Name.root);
        } catch (TextParseException e) {
            named = null;
        }
        if (!origin.equals(named)) {
            errors.add(new FieldError("zone", "configuredZone", "zone '" + zone + "' is not this vedns's zone " + origin
                    + ": refusing to import another zone's fleet."));
        }
    }

    /** The well-formed servers, as a table without pairs, for the pairs to be checked against. */
    private static RoutingTable servers(List<ImportedServer> items, List<FieldError> errors) {
        if (items == null) {
            errors.add(new FieldError("servers", "required", "servers is required (it may be an empty list)."));
            return RoutingTable.empty();
        }
        Map<String, Server> servers = new HashMap<>(items.size() * 4 / 3 + 1);
        Map<String, Integer> replicaAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ImportedServer item = items.get(i);
            List<FieldError> broken = new ArrayList<>();
            checkName(item.name(), item.name() != null && servers.containsKey(item.name()), "is listed twice.", broken);
            ServerFields.Parsed fields = ServerFields.check(item.replicationRole(), item.sourceServerName(),
                    item.addresses(), item.probe(), broken);
            if (broken.isEmpty()) {
                servers.put(item.name(), new Server(item.name(), fields.role(), fields.source(), fields.addresses(),
                        fields.probe()));
                if (fields.source() != null) {
                    replicaAt.put(item.name(), i);
                }
            }
            place(broken, "servers[" + i + "].", errors);
        }
        replicaAt.forEach((replica, i) -> {
            String source = servers.get(replica).sourceServerName();
            Server primary = servers.get(source);
            if (primary == null || !primary.isPrimary()) {
                errors.add(new FieldError("sourceServerName", "existingPrimary", "sourceServerName '" + source
                        + "' is not a Primary listed in this document.").under("servers[" + i + "]."));
            }
        });
        return RoutingTable.of(servers.values(), List.of());
    }

    private static List<VirtualEndpoint> endpoints(List<ImportedEndpoint> items, RoutingTable servers,
                                                   List<FieldError> errors) {
        if (items == null) {
            return List.of();
        }
        List<VirtualEndpoint> endpoints = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>(items.size() * 4 / 3 + 1);
        Map<String, String> pairOfSet = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ImportedEndpoint item = items.get(i);
            List<FieldError> broken = new ArrayList<>();
            boolean taken = item.name() != null && (names.contains(item.name()) || servers.server(item.name()) != null);
            checkName(item.name(), taken, "is already taken in the zone by another pair or a server.", broken);
            EndpointFields.checkType(item.endpointType(), true, broken);
            int beforeMembers = broken.size();
            EndpointFields.checkMembers(item.members(), false, broken);
            boolean membersShaped = broken.size() == beforeMembers;
            Server primary = item.serverName() == null ? null : servers.server(item.serverName());
            List<String> members = null;
            if (primary == null || !primary.isPrimary()) {
                broken.add(new FieldError("serverName", "existingPrimary", "serverName '" + item.serverName()
                        + "' is not a Primary listed in this document."));
            } else {
                String other = pairOfSet.putIfAbsent(primary.name(), item.name());
                if (other != null) {
                    broken.add(new FieldError("serverName", "onePairPerSet", "The replication set of '"
                            + primary.name() + "' already has the pair '" + other + "'; a set has at most one."));
                }
                if (membersShaped) {
                    members = EndpointFields.readerMembers(servers, primary, item.members(), broken);
                }
            }
            if (broken.isEmpty()) {
                names.add(item.name());
                endpoints.add(new VirtualEndpoint(item.name(), primary.name(), members,
                        Boolean.TRUE.equals(item.writerFollowsObservedPrimary()), null, null));
            }
            place(broken, "virtualEndpoints[" + i + "].", errors);
        }
        return endpoints;
    }

    /** The naming rule first; only a well-formed name can clash with another in the document. */
    private static void checkName(String name, boolean taken, String clash, List<FieldError> errors) {
        FieldError broken = Names.check("name", name);
        if (broken != null) {
            errors.add(broken);
        } else if (taken) {
            errors.add(new FieldError("name", "unique", "name '" + name + "' " + clash));
        }
    }

    private static void place(List<FieldError> broken, String place, List<FieldError> errors) {
        for (FieldError error : broken) {
            errors.add(error.under(place));
        }
    }
}

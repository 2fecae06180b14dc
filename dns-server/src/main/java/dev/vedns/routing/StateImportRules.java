package dev.vedns.routing;

import dev.vedns.routing.RoutingCommand.ImportedEndpoint;
import dev.vedns.routing.RoutingCommand.ImportedServer;
import dev.vedns.routing.RoutingCommand.ReplaceState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Validates a whole-state document against the same rules as the single-object commands, in one pass over
 * the document (so an import of 100,000 pairs stays linear), and reports every problem at once, each named
 * by its place in the document, e.g. {@code servers[12].addresses[0]}.
 */
public final class StateImportRules {

    private StateImportRules() {
    }

    /** The table the document describes; INVALID listing every problem, or nothing applied. */
    public static RoutingTable build(ReplaceState document, Name origin) {
        List<FieldError> errors = new ArrayList<>();
        checkZone(document.zone(), origin, errors);
        NavigableMap<String, Server> servers = servers(document.servers(), errors);
        NavigableMap<String, VirtualEndpoint> endpoints = endpoints(document.virtualEndpoints(), servers, errors);
        if (!errors.isEmpty()) {
            throw RoutingException.invalid(errors);
        }
        return RoutingTable.of(servers.values(), endpoints.values());
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

    private static NavigableMap<String, Server> servers(List<ImportedServer> items, List<FieldError> errors) {
        NavigableMap<String, Server> servers = new TreeMap<>();
        if (items == null) {
            errors.add(new FieldError("servers", "required", "servers is required (it may be an empty list)."));
            return servers;
        }
        Map<String, Integer> sourceOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "servers[" + i + "].";
            ImportedServer item = items.get(i);
            int before = errors.size();
            checkName(at + "name", item.name(), item.name() != null && servers.containsKey(item.name()),
                    "is listed twice.", errors);
            ServerFields.Parsed fields = ServerFields.check(at, item.replicationRole(), item.sourceServerName(),
                    item.addresses(), errors);
            ReplicationRole role = fields.role();
            String source = fields.source();
            List<InetAddress> addresses = fields.addresses();
            if (errors.size() == before) {
                servers.put(item.name(), new Server(item.name(), role, source, addresses));
                if (source != null) {
                    sourceOf.put(item.name(), i);
                }
            }
        }
        sourceOf.forEach((replica, i) -> {
            Server primary = servers.get(servers.get(replica).sourceServerName());
            if (primary == null || !primary.isPrimary()) {
                String field = "servers[" + i + "].sourceServerName";
                errors.add(new FieldError(field, "existingPrimary", field + " '" + servers.get(replica).sourceServerName()
                        + "' is not a Primary listed in this document."));
            }
        });
        return servers;
    }

    private static NavigableMap<String, VirtualEndpoint> endpoints(List<ImportedEndpoint> items,
                                                                   NavigableMap<String, Server> servers,
                                                                   List<FieldError> errors) {
        NavigableMap<String, VirtualEndpoint> endpoints = new TreeMap<>();
        if (items == null) {
            return endpoints;
        }
        Map<String, String> pairOfSet = new HashMap<>();
        Map<String, String> firstReplica = firstReplicaByName(servers);
        for (int i = 0; i < items.size(); i++) {
            String at = "virtualEndpoints[" + i + "].";
            ImportedEndpoint item = items.get(i);
            int before = errors.size();
            boolean taken = item.name() != null
                    && (endpoints.containsKey(item.name()) || servers.containsKey(item.name()));
            checkName(at + "name", item.name(), taken, "is already taken in the zone by another pair or a server.",
                    errors);
            if (!VirtualEndpoint.READ_WRITE.equalsIgnoreCase(String.valueOf(item.endpointType()))) {
                errors.add(new FieldError(at + "endpointType", item.endpointType() == null ? "required" : "oneOf",
                        at + "endpointType must be ReadWrite, the only endpoint type."));
            }
            Server primary = item.serverName() == null ? null : servers.get(item.serverName());
            if (primary == null || !primary.isPrimary()) {
                errors.add(new FieldError(at + "serverName", "existingPrimary", at + "serverName '" + item.serverName()
                        + "' is not a Primary listed in this document."));
            } else if (pairOfSet.containsKey(primary.name())) {
                errors.add(new FieldError(at + "serverName", "onePairPerSet", "The replication set of '" + primary.name()
                        + "' already has the pair '" + pairOfSet.get(primary.name()) + "'; a set has at most one."));
            }
            boolean validPrimary = primary != null && primary.isPrimary();
            String target = validPrimary ? readerTarget(at, item.members(), primary, servers, firstReplica, errors) : null;
            if (validPrimary) {
                pairOfSet.putIfAbsent(primary.name(), item.name());
            }
            if (errors.size() == before) {
                endpoints.put(item.name(), new VirtualEndpoint(item.name(), primary.name(), target));
            }
        }
        return endpoints;
    }

    /** The naming rule first; only a well-formed name can clash with another in the document. */
    private static void checkName(String field, String name, boolean taken, String clash, List<FieldError> errors) {
        FieldError broken = Names.check(field, name);
        if (broken != null) {
            errors.add(broken);
        } else if (taken) {
            errors.add(new FieldError(field, "unique", field + " '" + name + "' " + clash));
        }
    }

    private static String readerTarget(String at, List<String> members, Server primary, Map<String, Server> servers,
                                       Map<String, String> firstReplica, List<FieldError> errors) {
        if (members == null) {
            return firstReplica.getOrDefault(primary.name(), primary.name());
        }
        if (members.size() != 1) {
            errors.add(new FieldError(at + "members", "size", at + "members must name exactly one server: the reader's target."));
            return null;
        }
        Server member = members.get(0) == null ? null : servers.get(members.get(0));
        if (member == null || !member.primaryName().equals(primary.name())) {
            errors.add(new FieldError(at + "members[0]", "memberOfReplicationSet", at + "members[0] '" + members.get(0)
                    + "' is not '" + primary.name() + "' or one of its replicas in this document."));
            return null;
        }
        return member.name();
    }

    /** The default reader target of each set, as for a single pair: its first replica by name. */
    private static Map<String, String> firstReplicaByName(NavigableMap<String, Server> servers) {
        Map<String, String> first = new HashMap<>();
        for (Server server : servers.values()) {
            if (!server.isPrimary()) {
                first.putIfAbsent(server.sourceServerName(), server.name());
            }
        }
        return first;
    }
}

package dev.vedns.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The whole routing state: servers and virtual endpoint pairs. Immutable; every change makes a new table,
 * so a reader holding one never sees a half-applied change.
 */
public final class RoutingTable {

    private static final RoutingTable EMPTY = new RoutingTable(new TreeMap<>(), new TreeMap<>());

    private final NavigableMap<String, Server> servers;
    private final NavigableMap<String, VirtualEndpoint> endpoints;
    /** Replicas and pair of each set, built on first use: tables are immutable, so it never goes stale. */
    private volatile SetIndex sets;

    private record SetIndex(Map<String, List<Server>> replicas, Map<String, VirtualEndpoint> pairs) {
    }

    private RoutingTable(NavigableMap<String, Server> servers, NavigableMap<String, VirtualEndpoint> endpoints) {
        this.servers = Collections.unmodifiableNavigableMap(servers);
        this.endpoints = Collections.unmodifiableNavigableMap(endpoints);
    }

    public static RoutingTable empty() {
        return EMPTY;
    }

    /** A table from whole maps, for building a large state in one go (an import, a recovery). */
    static RoutingTable of(NavigableMap<String, Server> servers, NavigableMap<String, VirtualEndpoint> endpoints) {
        return new RoutingTable(new TreeMap<>(servers), new TreeMap<>(endpoints));
    }

    /** This table with the mutations applied in order; the mutations are trusted (they come from the journal). */
    public RoutingTable apply(List<Mutation> mutations) {
        NavigableMap<String, Server> nextServers = new TreeMap<>(servers);
        NavigableMap<String, VirtualEndpoint> nextEndpoints = new TreeMap<>(endpoints);
        for (Mutation mutation : mutations) {
            if (mutation instanceof Mutation.PutServer put) {
                nextServers.put(put.server().name(), put.server());
            } else if (mutation instanceof Mutation.RemoveServer remove) {
                nextServers.remove(remove.name());
            } else if (mutation instanceof Mutation.PutEndpoint put) {
                nextEndpoints.put(put.endpoint().name(), put.endpoint());
            } else {
                nextEndpoints.remove(((Mutation.RemoveEndpoint) mutation).name());
            }
        }
        return new RoutingTable(nextServers, nextEndpoints);
    }

    /** The mutations that turn this table into {@code next}. */
    public List<Mutation> mutationsTo(RoutingTable next) {
        return Mutation.between(this, next);
    }

    /** Every server, sorted by name. */
    public Collection<Server> servers() {
        return servers.values();
    }

    /** Every endpoint pair, sorted by base name. */
    public Collection<VirtualEndpoint> endpoints() {
        return endpoints.values();
    }

    /** The server by that name, or null. */
    public Server server(String name) {
        return servers.get(name);
    }

    /** The endpoint pair by that base name, or null. */
    public VirtualEndpoint endpoint(String name) {
        return endpoints.get(name);
    }

    /** The pair that belongs to the replication set of {@code primaryName}, or null: a set has at most one. */
    public VirtualEndpoint endpointOf(String primaryName) {
        return sets().pairs().get(primaryName);
    }

    /** The replicas of {@code primaryName}, sorted by name. */
    public List<Server> replicasOf(String primaryName) {
        return sets().replicas().getOrDefault(primaryName, List.of());
    }

    private SetIndex sets() {
        SetIndex index = sets;
        if (index == null) {
            Map<String, List<Server>> replicas = new HashMap<>();
            for (Server server : servers.values()) {
                if (!server.isPrimary()) {
                    replicas.computeIfAbsent(server.sourceServerName(), primary -> new ArrayList<>()).add(server);
                }
            }
            replicas.replaceAll((primary, list) -> List.copyOf(list));
            Map<String, VirtualEndpoint> pairs = new HashMap<>();
            endpoints.values().forEach(endpoint -> pairs.put(endpoint.primaryName(), endpoint));
            index = new SetIndex(replicas, pairs);
            sets = index;
        }
        return index;
    }

    public RoutingTable withServer(Server server) {
        NavigableMap<String, Server> next = new TreeMap<>(servers);
        next.put(server.name(), server);
        return new RoutingTable(next, endpoints);
    }

    public RoutingTable withoutServer(String name) {
        NavigableMap<String, Server> next = new TreeMap<>(servers);
        next.remove(name);
        return new RoutingTable(next, endpoints);
    }

    public RoutingTable withEndpoint(VirtualEndpoint endpoint) {
        NavigableMap<String, VirtualEndpoint> next = new TreeMap<>(endpoints);
        next.put(endpoint.name(), endpoint);
        return new RoutingTable(servers, next);
    }

    public RoutingTable withoutEndpoint(String name) {
        NavigableMap<String, VirtualEndpoint> next = new TreeMap<>(endpoints);
        next.remove(name);
        return new RoutingTable(servers, next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingTable table
                && servers.equals(table.servers)
                && endpoints.equals(table.endpoints);
    }

    @Override
    public int hashCode() {
        return 31 * servers.hashCode() + endpoints.hashCode();
    }
}

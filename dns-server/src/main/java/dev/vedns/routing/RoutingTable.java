package dev.vedns.routing;

import dev.vedns.access.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole durable state: servers, virtual endpoint pairs and the API's tokens. Immutable; every change makes a new table
 * that shares all it did not touch with the old one (see {@link SegmentedMap}), so a change costs the same
 * whatever the size of the fleet, and a reader holding a table never sees a half-applied change.
 */
public final class RoutingTable {

    private static final RoutingTable EMPTY = new RoutingTable(SegmentedMap.empty(), SegmentedMap.empty(),
            SegmentedMap.empty(), SegmentedMap.empty(), Collections.emptySortedMap(), SegmentedMap.empty());

    private final SegmentedMap<Server> servers;
    private final SegmentedMap<VirtualEndpoint> endpoints;
    /** The replicas of each primary, sorted by name, and the pair of each primary: kept with every change. */
    private final SegmentedMap<List<Server>> replicas;
    private final SegmentedMap<VirtualEndpoint> pairs;
    /** The API's tokens, by name: a few dozen at most, so a change copies them all. */
    private final SortedMap<String, Token> tokens;
    private final SegmentedMap<CustomEndpoint> customs;
    private volatile List<Server> sortedServers;
    private volatile List<VirtualEndpoint> sortedEndpoints;

    private RoutingTable(SegmentedMap<Server> servers, SegmentedMap<VirtualEndpoint> endpoints,
                         SegmentedMap<List<Server>> replicas, SegmentedMap<VirtualEndpoint> pairs,
                         SortedMap<String, Token> tokens, SegmentedMap<CustomEndpoint> customs) {
        this.servers = servers;
        this.endpoints = endpoints;
        this.replicas = replicas;
        this.pairs = pairs;
        this.tokens = tokens;
        this.customs = customs;
    }

    public static RoutingTable empty() {
        return EMPTY;
    }

    /**
     * A table of these servers and pairs, built in one go (a checkpoint being loaded, an import): no rules are
     * checked. Each map is filled segment by segment, sized up front, as this is most of loading a large state.
     */
    public static RoutingTable of(Collection<Server> servers, Collection<VirtualEndpoint> endpoints) {
        Map<String, List<Server>> replicas = new java.util.HashMap<>(servers.size());
        for (Server server : servers) {
            if (!server.isPrimary()) {
                replicas.computeIfAbsent(server.sourceServerName(), primary -> new ArrayList<>(2)).add(server);
            }
        }
        List<List<Server>> replicaLists = new ArrayList<>(replicas.size());
        for (List<Server> list : replicas.values()) {
            list.sort(Comparator.comparing(Server::name));
            replicaLists.add(List.copyOf(list));
        }
        return new RoutingTable(SegmentedMap.of(servers, Server::name), SegmentedMap.empty(),
                SegmentedMap.of(replicaLists, list -> list.get(0).sourceServerName()), SegmentedMap.empty(),
                Collections.emptySortedMap(), SegmentedMap.empty()).withEndpoints(endpoints);
    }

    /** This table's servers with these pairs in place of its own, built in one go like {@link #of}. */
    public RoutingTable withEndpoints(Collection<VirtualEndpoint> endpoints) {
        return new RoutingTable(servers, SegmentedMap.of(endpoints, VirtualEndpoint::name), replicas,
                SegmentedMap.of(endpoints, VirtualEndpoint::primaryName), tokens, customs);
    }

    /** This table with these custom endpoints in place of its own, built in one go like {@link #of}. */
    public RoutingTable withCustoms(Collection<CustomEndpoint> all) {
        return new RoutingTable(servers, endpoints, replicas, pairs, tokens, SegmentedMap.of(all, CustomEndpoint::name));
    }

    /** Every custom endpoint, sorted by name. */
    public List<CustomEndpoint> customs() {
        List<CustomEndpoint> all = customs.values();
        all.sort(Comparator.comparing(CustomEndpoint::name));
        return all;
    }

    /** Every custom endpoint in no particular order. */
    public List<CustomEndpoint> customsInAnyOrder() {
        return customs.values();
    }

    /** The custom endpoint by that name, or null. */
    public CustomEndpoint custom(String name) {
        return customs.get(name);
    }

    /**
     * The custom endpoints of the set of {@code primaryName}, sorted by name. A scan of all of them: sets have few,
     * and a server changes rarely.
     */
    public List<CustomEndpoint> customsOf(String primaryName) {
        List<CustomEndpoint> all = new ArrayList<>();
        for (CustomEndpoint custom : customs.values()) {
            if (custom.primaryName().equals(primaryName)) {
                all.add(custom);
            }
        }
        all.sort(Comparator.comparing(CustomEndpoint::name));
        return all;
    }

    /** Whether the two tables hold the very same servers: most changes leave them shared. */
    public boolean sameServersAs(RoutingTable other) {
        return servers == other.servers;
    }

    public int customCount() {
        return customs.size();
    }

    public RoutingTable withCustom(CustomEndpoint custom) {
        return new RoutingTable(servers, endpoints, replicas, pairs, tokens, customs.with(custom.name(), custom));
    }

    public RoutingTable withoutCustom(String name) {
        return customs.get(name) == null ? this
                : new RoutingTable(servers, endpoints, replicas, pairs, tokens, customs.without(name));
    }

    /** Every server, sorted by name (sorted once per table, on first use). */
    public Collection<Server> servers() {
        List<Server> sorted = sortedServers;
        if (sorted == null) {
            List<Server> all = servers.values();
            all.sort(Comparator.comparing(Server::name));
            sorted = List.copyOf(all);
            sortedServers = sorted;
        }
        return sorted;
    }

    /** Every endpoint pair, sorted by base name (sorted once per table, on first use). */
    public Collection<VirtualEndpoint> endpoints() {
        List<VirtualEndpoint> sorted = sortedEndpoints;
        if (sorted == null) {
            List<VirtualEndpoint> all = endpoints.values();
            all.sort(Comparator.comparing(VirtualEndpoint::name));
            sorted = List.copyOf(all);
            sortedEndpoints = sorted;
        }
        return sorted;
    }

    /** Every server in no particular order: for whole-state work (compiling, saving) that needs no sort. */
    public List<Server> serversInAnyOrder() {
        return servers.values();
    }

    /** Every endpoint pair in no particular order. */
    public List<VirtualEndpoint> endpointsInAnyOrder() {
        return endpoints.values();
    }

    public int serverCount() {
        return servers.size();
    }

    public int endpointCount() {
        return endpoints.size();
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
        return pairs.get(primaryName);
    }

    /** The replicas of {@code primaryName}, sorted by name. */
    public List<Server> replicasOf(String primaryName) {
        List<Server> list = replicas.get(primaryName);
        return list == null ? List.of() : list;
    }

    /** Every token, sorted by name. */
    public Collection<Token> tokens() {
        return tokens.values();
    }

    /** The token by that name, or null. */
    public Token token(String name) {
        return tokens.get(name);
    }

    public RoutingTable withToken(Token token) {
        SortedMap<String, Token> next = new TreeMap<>(tokens);
        next.put(token.name(), token);
        return new RoutingTable(servers, endpoints, replicas, pairs, Collections.unmodifiableSortedMap(next), customs);
    }

    public RoutingTable withoutToken(String name) {
        if (!tokens.containsKey(name)) {
            return this;
        }
        SortedMap<String, Token> next = new TreeMap<>(tokens);
        next.remove(name);
        return new RoutingTable(servers, endpoints, replicas, pairs, Collections.unmodifiableSortedMap(next), customs);
    }

    /** This table's servers and pairs with the tokens of {@code other}: a whole-state import keeps the tokens. */
    public RoutingTable withTokensOf(RoutingTable other) {
        return new RoutingTable(servers, endpoints, replicas, pairs, other.tokens, customs);
    }

    public RoutingTable withServer(Server server) {
        Server old = servers.get(server.name());
        SegmentedMap<List<Server>> nextReplicas = replicas;
        if (old != null && !old.isPrimary()) {
            nextReplicas = withoutReplica(nextReplicas, old);
        }
        if (!server.isPrimary()) {
            nextReplicas = withReplica(nextReplicas, server);
        }
        return new RoutingTable(servers.with(server.name(), server), endpoints, nextReplicas, pairs, tokens, customs);
    }

    public RoutingTable withoutServer(String name) {
        Server old = servers.get(name);
        if (old == null) {
            return this;
        }
        SegmentedMap<List<Server>> nextReplicas = old.isPrimary() ? replicas.without(name) : withoutReplica(replicas, old);
        return new RoutingTable(servers.without(name), endpoints, nextReplicas, pairs, tokens, customs);
    }

    public RoutingTable withEndpoint(VirtualEndpoint endpoint) {
        VirtualEndpoint old = endpoints.get(endpoint.name());
        SegmentedMap<VirtualEndpoint> nextPairs = pairs;
        if (old != null && !old.primaryName().equals(endpoint.primaryName())
                && old.equals(pairs.get(old.primaryName()))) {
            // Under the same primary the put below replaces it: one segment copied, not two.
            nextPairs = nextPairs.without(old.primaryName());
        }
        return new RoutingTable(servers, endpoints.with(endpoint.name(), endpoint), replicas,
                nextPairs.with(endpoint.primaryName(), endpoint), tokens, customs);
    }

    public RoutingTable withoutEndpoint(String name) {
        VirtualEndpoint old = endpoints.get(name);
        if (old == null) {
            return this;
        }
        SegmentedMap<VirtualEndpoint> nextPairs = old.equals(pairs.get(old.primaryName()))
                ? pairs.without(old.primaryName()) : pairs;
        return new RoutingTable(servers, endpoints.without(name), replicas, nextPairs, tokens, customs);
    }

    /** This table with the mutations applied in order; the mutations are trusted (they come from the journal). */
    public RoutingTable apply(List<Mutation> mutations) {
        RoutingTable table = this;
        for (Mutation mutation : mutations) {
            table = mutation.accept(table.changed());
        }
        return table;
    }

    private Mutation.Visitor<RoutingTable> changed() {
        return new Mutation.Visitor<>() {
            @Override
            public RoutingTable putServer(Server server) {
                return withServer(server);
            }

            @Override
            public RoutingTable removeServer(String name) {
                return withoutServer(name);
            }

            @Override
            public RoutingTable putEndpoint(VirtualEndpoint endpoint) {
                return withEndpoint(endpoint);
            }

            @Override
            public RoutingTable removeEndpoint(String name) {
                return withoutEndpoint(name);
            }

            @Override
            public RoutingTable putToken(Token token) {
                return withToken(token);
            }

            @Override
            public RoutingTable removeToken(String name) {
                return withoutToken(name);
            }

            @Override
            public RoutingTable putCustom(CustomEndpoint custom) {
                return withCustom(custom);
            }

            @Override
            public RoutingTable removeCustom(String name) {
                return withoutCustom(name);
            }
        };
    }

    /** The mutations that turn this table into {@code next}; only the parts the two do not share are compared. */
    public List<Mutation> mutationsTo(RoutingTable next) {
        List<Mutation> mutations = new ArrayList<>();
        SegmentedMap.differences(servers, next.servers, (old, now) ->
                mutations.add(now == null ? new Mutation.RemoveServer(old.name()) : new Mutation.PutServer(now)));
        SegmentedMap.differences(endpoints, next.endpoints, (old, now) ->
                mutations.add(now == null ? new Mutation.RemoveEndpoint(old.name()) : new Mutation.PutEndpoint(now)));
        SegmentedMap.differences(customs, next.customs, (old, now) ->
                mutations.add(now == null ? new Mutation.RemoveCustom(old.name()) : new Mutation.PutCustom(now)));
        if (tokens != next.tokens) {
            tokens.keySet().stream().filter(name -> !next.tokens.containsKey(name))
                    .forEach(name -> mutations.add(new Mutation.RemoveToken(name)));
            next.tokens.values().stream().filter(token -> !token.equals(tokens.get(token.name())))
                    .forEach(token -> mutations.add(new Mutation.PutToken(token)));
        }
        return mutations;
    }

    private static SegmentedMap<List<Server>> withReplica(SegmentedMap<List<Server>> index, Server replica) {
        List<Server> list = new ArrayList<>(index.get(replica.sourceServerName()) == null
                ? List.of() : index.get(replica.sourceServerName()));
        list.removeIf(server -> server.name().equals(replica.name()));
        list.add(replica);
        list.sort(Comparator.comparing(Server::name));
        return index.with(replica.sourceServerName(), List.copyOf(list));
    }

    private static SegmentedMap<List<Server>> withoutReplica(SegmentedMap<List<Server>> index, Server replica) {
        List<Server> current = index.get(replica.sourceServerName());
        if (current == null) {
            return index;
        }
        List<Server> list = new ArrayList<>(current);
        list.removeIf(server -> server.name().equals(replica.name()));
        return list.isEmpty() ? index.without(replica.sourceServerName())
                : index.with(replica.sourceServerName(), List.copyOf(list));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingTable table
                && servers.equals(table.servers)
                && endpoints.equals(table.endpoints)
                && tokens.equals(table.tokens)
                && customs.equals(table.customs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servers, endpoints, tokens, customs);
    }
}

package dev.vedns.routing;

import java.util.List;

/** The read side of the rules: what exists, and where a replica's endpoints are to be found instead. */
public final class RoutingQueries {

    private RoutingQueries() {
    }

    /** The server by that name; NOT_FOUND otherwise. */
    public static Server server(RoutingTable table, String name) {
        Server server = name == null ? null : table.server(name);
        if (server == null) {
            throw RoutingException.notFound("Server '" + name + "' does not exist.");
        }
        return server;
    }

    /** The endpoints listed under a primary's path; a replica's path is NOT_FOUND, naming the primary. */
    public static List<VirtualEndpoint> endpoints(RoutingTable table, String serverName) {
        Server primary = primaryForRead(table, serverName);
        VirtualEndpoint endpoint = table.endpointOf(primary.name());
        return endpoint == null ? List.of() : List.of(endpoint);
    }

    /** The pair by that name under the primary's path; NOT_FOUND otherwise. */
    public static VirtualEndpoint endpoint(RoutingTable table, String serverName, String endpointName) {
        return endpointOf(table, primaryForRead(table, serverName), endpointName);
    }

    static VirtualEndpoint endpointOf(RoutingTable table, Server primary, String endpointName) {
        VirtualEndpoint endpoint = endpointName == null ? null : table.endpoint(endpointName);
        if (endpoint == null || !endpoint.primaryName().equals(primary.name())) {
            throw RoutingException.notFound("Virtual endpoint pair '" + endpointName + "' does not exist on server '"
                    + primary.name() + "'.");
        }
        return endpoint;
    }

    /** The custom endpoints listed under a primary's path, by name; a replica's path is NOT_FOUND, naming the primary. */
    public static List<CustomEndpoint> customs(RoutingTable table, String serverName) {
        return table.customsOf(primaryForRead(table, serverName).name());
    }

    /** The custom endpoint by that name under the primary's path; NOT_FOUND otherwise. */
    public static CustomEndpoint custom(RoutingTable table, String serverName, String name) {
        Server primary = primaryForRead(table, serverName);
        CustomEndpoint custom = name == null ? null : table.custom(name);
        if (custom == null || !custom.primaryName().equals(primary.name())) {
            throw RoutingException.notFound("Custom endpoint '" + name + "' does not exist on server '" + primary.name()
                    + "'.");
        }
        return custom;
    }

    private static Server primaryForRead(RoutingTable table, String serverName) {
        Server server = server(table, serverName);
        if (!server.isPrimary()) {
            throw RoutingException.notFound("Server '" + server.name() + "' is a replica: its replication set's"
                    + " virtual endpoints are under its primary '" + server.primaryName() + "'.");
        }
        return server;
    }
}

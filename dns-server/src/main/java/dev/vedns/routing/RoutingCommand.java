package dev.vedns.routing;

import java.util.List;

/**
 * A requested change of the routing state, in the client's own terms (unparsed text), so that the rules
 * can name every field that breaks a rule.
 */
public sealed interface RoutingCommand {

    /** Create a server, or change the addresses of an existing one. */
    record PutServer(String serverName, String replicationRole, String sourceServerName, List<String> addresses)
            implements RoutingCommand {
    }

    record DeleteServer(String serverName) implements RoutingCommand {
    }

    /** Create an endpoint pair; on an existing pair of the same set, retarget its reader when members are given. */
    record PutEndpoint(String serverName, String endpointName, String endpointType, List<String> members)
            implements RoutingCommand {
    }

    /** Point the reader of an existing pair at another server of its set. */
    /** {@code endpointType} may be left out; when given it must still be the one type there is. */
    record RetargetReader(String serverName, String endpointName, String endpointType, List<String> members)
            implements RoutingCommand {

        public RetargetReader(String serverName, String endpointName, List<String> members) {
            this(serverName, endpointName, null, members);
        }
    }

    record DeleteEndpoint(String serverName, String endpointName) implements RoutingCommand {
    }

    /** Replace the whole state with the document's; validated as a whole, applied all or nothing. */
    record ReplaceState(String zone, List<ImportedServer> servers, List<ImportedEndpoint> virtualEndpoints)
            implements RoutingCommand {
    }

    /** A server as an imported document lists it. */
    record ImportedServer(String name, String replicationRole, String sourceServerName, List<String> addresses) {
    }

    /** An endpoint pair as an imported document lists it, under its primary's {@code serverName}. */
    record ImportedEndpoint(String serverName, String name, String endpointType, List<String> members) {
    }

    /** Promote a replica; mode and option default to Switchover and Planned when null. */
    record Promote(String serverName, String promoteMode, String promoteOption) implements RoutingCommand {
    }
}

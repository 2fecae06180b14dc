package dev.vedns.routing;

import dev.vedns.routing.Outcome.Effect;
import dev.vedns.routing.RoutingCommand.FollowObservedPrimary;
import dev.vedns.routing.RoutingCommand.MarkRoleMismatch;
import dev.vedns.routing.RoutingCommand.RerouteReader;
import java.util.Objects;

/**
 * The rules of the changes vedns makes itself from what its probes see. They are checked against the table as
 * strictly as a user's, because the table may have moved since the probes looked.
 */
final class ObservedRules {

    private ObservedRules() {
    }

    static Outcome reroute(RoutingTable table, RerouteReader command) {
        VirtualEndpoint endpoint = existing(table, command.endpointName());
        ReaderReroute reroute = command.reroute();
        if (reroute != null) {
            for (String name : reroute.targets()) {
                Server target = table.server(name);
                if (target == null || !target.primaryName().equals(endpoint.primaryName())) {
                    throw RoutingException.conflict("Server '" + name + "' is not in the replication set of '"
                            + endpoint.primaryName() + "': the reader may answer only servers of its set.");
                }
            }
            if (reroute.targets().equals(endpoint.readerMembers())) {
                reroute = null;
            }
        }
        if (Objects.equals(reroute, endpoint.reroute())) {
            return new Outcome(table, Effect.UNCHANGED);
        }
        return new Outcome(table.withEndpoint(endpoint.withReroute(reroute)), Effect.UPDATED);
    }

    /** A custom endpoint may leave out members the probes found unfit, or answer its primary when none is fit. */
    static Outcome rerouteCustom(RoutingTable table, RoutingCommand.RerouteCustom command) {
        CustomEndpoint custom = table.custom(command.name());
        if (custom == null) {
            throw RoutingException.notFound("Custom endpoint '" + command.name() + "' does not exist.");
        }
        ReaderReroute reroute = command.reroute();
        if (reroute != null) {
            for (String target : reroute.targets()) {
                if (!custom.resolved().contains(target) && !target.equals(custom.primaryName())) {
                    throw RoutingException.conflict("Server '" + target + "' is not a member of custom endpoint '"
                            + custom.name() + "' nor its primary.");
                }
            }
            if (reroute.targets().equals(custom.resolved())) {
                reroute = null;
            }
        }
        if (Objects.equals(reroute, custom.reroute())) {
            return new Outcome(table, Effect.UNCHANGED);
        }
        return new Outcome(table.withCustom(custom.withReroute(reroute)), Effect.UPDATED);
    }

    static Outcome markRoleMismatch(RoutingTable table, MarkRoleMismatch command) {
        VirtualEndpoint endpoint = existing(table, command.endpointName());
        if (Objects.equals(command.mismatch(), endpoint.roleMismatch())) {
            return new Outcome(table, Effect.UNCHANGED);
        }
        return new Outcome(table.withEndpoint(endpoint.withRoleMismatch(command.mismatch())), Effect.UPDATED);
    }

    /**
     * A Forced switchover with no condition on the reader: the database has changed roles already, so the pair
     * follows it rather than refuse. A reader member that was the old primary is taken by the new primary, the one
     * server known to hold every write; the members that are replicas stay.
     */
    static Outcome followObservedPrimary(RoutingTable table, FollowObservedPrimary command) {
        Server replica = RoutingRules.replicaToPromote(table, command.serverName());
        VirtualEndpoint pair = table.endpointOf(replica.sourceServerName());
        if (pair == null || !pair.writerFollowsObservedPrimary()) {
            throw RoutingException.conflict("The replication set of '" + replica.sourceServerName()
                    + "' has no virtual endpoint pair whose writer follows the observed primary.");
        }
        return new Outcome(RoutingRules.switchedOver(table, replica,
                pair.membersReplacing(pair.primaryName(), replica.name())), Effect.UPDATED);
    }

    private static VirtualEndpoint existing(RoutingTable table, String name) {
        VirtualEndpoint endpoint = table.endpoint(name);
        if (endpoint == null) {
            throw RoutingException.notFound("Virtual endpoint pair '" + name + "' does not exist.");
        }
        return endpoint;
    }
}

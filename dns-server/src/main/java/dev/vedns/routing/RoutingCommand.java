package dev.vedns.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A requested change of the routing state, in the client's own terms (unparsed text), so that the rules
 * can name every field that breaks a rule. Whatever handles commands does so through a {@link Visitor}, so
 * a new kind of command does not compile until every handler knows it.
 */
public sealed interface RoutingCommand {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of command. */
    interface Visitor<R> {
        R putServer(PutServer command);

        R deleteServer(DeleteServer command);

        R putEndpoint(PutEndpoint command);

        R patchEndpoint(PatchEndpoint command);

        R deleteEndpoint(DeleteEndpoint command);

        R promote(Promote command);

        R replaceState(ReplaceState command);

        R createToken(CreateToken command);

        R deleteToken(DeleteToken command);

        R rerouteReader(RerouteReader command);

        R markRoleMismatch(MarkRoleMismatch command);

        R followObservedPrimary(FollowObservedPrimary command);

        R putCustomEndpoint(PutCustomEndpoint command);

        R patchCustomEndpoint(PatchCustomEndpoint command);

        R deleteCustomEndpoint(DeleteCustomEndpoint command);

        R rerouteCustom(RerouteCustom command);
    }

    /**
     * Create a server, or change the addresses or probe of an existing one.
     *
     * @param probe how health probes look at it; null for the configured default
     */
    record PutServer(String serverName, String replicationRole, String sourceServerName, List<String> addresses,
                     ProbeText probe) implements RoutingCommand {

        public PutServer(String serverName, String replicationRole, String sourceServerName, List<String> addresses) {
            this(serverName, replicationRole, sourceServerName, addresses, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putServer(this);
        }
    }

    record DeleteServer(String serverName) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteServer(this);
        }
    }

    /**
     * Create an endpoint pair; on an existing pair of the same set, retarget its reader when members are given
     * and set the option when it is given.
     *
     * @param writerFollowsObservedPrimary null to leave as it is (false for a new pair)
     */
    record PutEndpoint(String serverName, String endpointName, String endpointType, List<String> members,
                       Boolean writerFollowsObservedPrimary) implements RoutingCommand {

        public PutEndpoint(String serverName, String endpointName, String endpointType, List<String> members) {
            this(serverName, endpointName, endpointType, members, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putEndpoint(this);
        }
    }

    /**
     * Point the reader of an existing pair at another server of its set, or set its option, or both; at least
     * one of the two must be given. {@code endpointType} may be left out; when given it must still be the one
     * type there is.
     */
    record PatchEndpoint(String serverName, String endpointName, String endpointType, List<String> members,
                         Boolean writerFollowsObservedPrimary) implements RoutingCommand {

        public PatchEndpoint(String serverName, String endpointName, String endpointType, List<String> members) {
            this(serverName, endpointName, endpointType, members, null);
        }

        public PatchEndpoint(String serverName, String endpointName, List<String> members) {
            this(serverName, endpointName, null, members, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.patchEndpoint(this);
        }
    }

    record DeleteEndpoint(String serverName, String endpointName) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteEndpoint(this);
        }
    }

    /** Promote a replica. Mode and option are read once, when the command is made ({@link #of}). */
    record Promote(String serverName, PromoteMode mode, PromoteOption option) implements RoutingCommand {

        public Promote {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(option, "option");
        }

        /**
         * The promotion the request's words ask for, in any letter case; absent words mean Switchover and
         * Planned. A word that is neither is refused, naming its field, before anything is looked at.
         */
        public static Promote of(String serverName, String promoteMode, String promoteOption) {
            List<FieldError> errors = new ArrayList<>();
            PromoteMode mode = Choices.parseOr(PromoteMode.class, "promoteMode", promoteMode, PromoteMode.Switchover,
                    errors);
            PromoteOption option = Choices.parseOr(PromoteOption.class, "promoteOption", promoteOption,
                    PromoteOption.Planned, errors);
            if (!errors.isEmpty()) {
                throw RoutingException.invalid(errors);
            }
            return new Promote(serverName, mode, option);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.promote(this);
        }
    }

    /** Replace the whole state with the document's; validated as a whole, applied all or nothing. */
    record ReplaceState(String zone, List<ImportedServer> servers, List<ImportedEndpoint> virtualEndpoints,
                        List<ImportedCustom> customEndpoints) implements RoutingCommand {

        public ReplaceState(String zone, List<ImportedServer> servers, List<ImportedEndpoint> virtualEndpoints) {
            this(zone, servers, virtualEndpoints, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.replaceState(this);
        }
    }

    /**
     * Issue an API token. The caller makes the secret and hands only its hash here, so no secret ever reaches
     * the journal or an event.
     *
     * @param servers     globs of the servers whose replication sets the token reaches; null or empty for all
     * @param expiresAt   an ISO-8601 instant, or null for a token that does not expire
     * @param requestedAt when the request came, which the token's expiry must follow
     */
    record CreateToken(String name, String role, List<String> servers, String expiresAt, String secretHash,
                       Instant requestedAt) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.createToken(this);
        }
    }

    /** Revoke a token: the next request that presents it is refused. */
    record DeleteToken(String name) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteToken(this);
        }
    }

    /**
     * Make the reader answer another server than its chosen target, or its chosen target again: health probes
     * found the chosen one down or lagging, or good again. Only vedns's own probes ask this.
     *
     * @param reroute null to answer the chosen target again
     */
    record RerouteReader(String endpointName, ReaderReroute reroute) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rerouteReader(this);
        }
    }

    /**
     * Record that the probes see roles that disagree with the set's (a writer's target in recovery, a replica
     * accepting writes), or that they agree again. Moves no name.
     *
     * @param mismatch what disagrees, for a person; null when the roles agree again
     */
    record MarkRoleMismatch(String endpointName, String mismatch) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.markRoleMismatch(this);
        }
    }

    /**
     * A Forced switchover to a replica the probes see promoted elsewhere (by Patroni, pg_auto_failover or an
     * operator), for a pair whose writer follows the observed primary.
     *
     * @param reason what the probes saw, for a person
     */
    record FollowObservedPrimary(String serverName, String reason) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.followObservedPrimary(this);
        }
    }

    /**
     * Create a custom endpoint of a set, or replace the definition of an existing one: a {@code type} and either
     * {@code members} or {@code excludedMembers}.
     */
    record PutCustomEndpoint(String serverName, String name, String type, List<String> members,
                             List<String> excludedMembers) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.putCustomEndpoint(this);
        }
    }

    /** Change a custom endpoint's type or membership; what is not given stays. */
    record PatchCustomEndpoint(String serverName, String name, String type, List<String> members,
                               List<String> excludedMembers) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.patchCustomEndpoint(this);
        }
    }

    record DeleteCustomEndpoint(String serverName, String name) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteCustomEndpoint(this);
        }
    }

    /**
     * Make a custom endpoint answer only some of its members (the primary when none is fit), or all of them again:
     * only vedns's own probes ask this.
     *
     * @param reroute null to answer every member again
     */
    record RerouteCustom(String name, ReaderReroute reroute) implements RoutingCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rerouteCustom(this);
        }
    }

    /** A custom endpoint as an imported document lists it, under its primary's {@code serverName}. */
    record ImportedCustom(String serverName, String name, String type, List<String> members,
                          List<String> excludedMembers) {
    }

    /** How a server is to be probed, in the client's own terms. */
    record ProbeText(String type, Integer port) {
    }

    /** A server as an imported document lists it. */
    record ImportedServer(String name, String replicationRole, String sourceServerName, List<String> addresses,
                          ProbeText probe) {

        public ImportedServer(String name, String replicationRole, String sourceServerName, List<String> addresses) {
            this(name, replicationRole, sourceServerName, addresses, null);
        }
    }

    /** An endpoint pair as an imported document lists it, under its primary's {@code serverName}. */
    record ImportedEndpoint(String serverName, String name, String endpointType, List<String> members,
                            Boolean writerFollowsObservedPrimary) {

        public ImportedEndpoint(String serverName, String name, String endpointType, List<String> members) {
            this(serverName, name, endpointType, members, null);
        }
    }
}

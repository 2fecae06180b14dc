package dev.vedns.health;

import dev.vedns.health.Prober.Health;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.ProbeType;
import dev.vedns.routing.ReaderReroute;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the probes' findings ask of the routing, as commands for the single writer: a pure function of the table
 * and one round's health, so every rule is tested without a database. A server with no health (probe "none", or
 * not probed yet) is never a reason to move anything.
 */
public final class HealthRules {

    private final ProbeSettings settings;

    public HealthRules(ProbeSettings settings) {
        this.settings = settings;
    }

    /**
     * For each pair whose writer follows the observed primary: a Forced switchover to the one Healthy server of
     * its set observed as Primary on the highest timeline seen in the set, when the writer does not target it and
     * its target is Unhealthy, in recovery or on a lower timeline. Two such primaries move nothing.
     */
    public List<RoutingCommand> writerMoves(RoutingTable table, Map<String, Health> health) {
        List<RoutingCommand> moves = new ArrayList<>();
        for (VirtualEndpoint endpoint : table.endpointsInAnyOrder()) {
            if (!endpoint.writerFollowsObservedPrimary()) {
                continue;
            }
            List<Server> set = setOf(table, endpoint.primaryName());
            long highest = set.stream().map(server -> seen(health, server.name())).filter(Objects::nonNull)
                    .mapToLong(Observation::timeline).max().orElse(0);
            List<Server> primaries = set.stream().filter(server -> observedPrimaryOn(health, server.name(), highest))
                    .toList();
            Health writer = health.get(endpoint.primaryName());
            if (highest == 0 || primaries.size() != 1 || writer == null) {
                continue;
            }
            Server observed = primaries.get(0);
            String displaced = displaced(writer, highest);
            if (!observed.name().equals(endpoint.primaryName()) && displaced != null) {
                moves.add(new RoutingCommand.FollowObservedPrimary(observed.name(), "'" + observed.name()
                        + "' is observed as Primary on timeline " + highest + "; '" + endpoint.primaryName() + "' "
                        + displaced));
            }
        }
        return moves;
    }

    /** Why the writer's target is no longer the primary, or null when nothing shows it is not. */
    private static String displaced(Health writer, long highest) {
        Observation last = writer.health().last();
        if (writer.health().state() == HealthState.Unhealthy) {
            return "is Unhealthy: " + last.detail();
        }
        if (!last.reachable()) {
            return null;
        }
        if (last.role() == ObservedRole.Replica) {
            return "is in recovery";
        }
        return last.timeline() < highest ? "is on timeline " + last.timeline() : null;
    }

    private static boolean observedPrimaryOn(Map<String, Health> health, String server, long timeline) {
        Health probed = health.get(server);
        Observation last = seen(health, server);
        return last != null && probed.health().state() == HealthState.Healthy && last.role() == ObservedRole.Primary
                && last.timeline() == timeline;
    }

    /**
     * For each pair: a reader of one member answers it while it is fit to read from; otherwise the fit replica of
     * the set with the least lag, else the primary when Healthy, else the member (never an empty answer), and stays
     * on that server while it stays fit, so the reader does not hop between replicas as their lags move. A pool
     * answers its fit members in turn, and the primary when none is; a member the probes know nothing of yet
     * stays in.
     */
    public List<RoutingCommand> readerMoves(RoutingTable table, Map<String, Health> health) {
        List<RoutingCommand> moves = new ArrayList<>();
        for (VirtualEndpoint endpoint : table.endpointsInAnyOrder()) {
            List<String> members = endpoint.readerMembers();
            List<String> next = members.size() == 1 ? single(table, health, endpoint) : pooled(table, health, endpoint);
            if (next == null || next.equals(endpoint.effectiveReaderTargets())) {
                continue;
            }
            moves.add(new RoutingCommand.RerouteReader(endpoint.name(), next.equals(members) ? null
                    : new ReaderReroute(next, unfitReasons(table, health, endpoint.primaryName(),
                    endpoint.readerMembers()))));
        }
        return moves;
    }

    /** What a reader of one member should answer, or null when the probes cannot say yet or it should stay. */
    private List<String> single(RoutingTable table, Map<String, Health> health, VirtualEndpoint endpoint) {
        String chosen = endpoint.readerMembers().get(0);
        Health target = health.get(chosen);
        if (target == null || target.readable().state() == HealthState.Unknown) {
            return null;
        }
        if (target.readable().state() == HealthState.Healthy) {
            return endpoint.readerMembers();
        }
        String now = endpoint.effectiveReaderTargets().get(0);
        if (!now.equals(chosen) && fitForReads(table, health, endpoint, now)) {
            return null;
        }
        return List.of(instead(table, health, endpoint, chosen));
    }

    private List<String> pooled(RoutingTable table, Map<String, Health> health, VirtualEndpoint endpoint) {
        return fitOf(health, endpoint.primaryName(), endpoint.readerMembers());
    }

    /**
     * For each custom endpoint, as for a pool: it answers its fit members in turn, its primary when none is fit,
     * and all of them again once they are.
     */
    public List<RoutingCommand> customMoves(RoutingTable table, Map<String, Health> health) {
        List<RoutingCommand> moves = new ArrayList<>();
        for (CustomEndpoint custom : table.customsInAnyOrder()) {
            List<String> next = fitOf(health, custom.primaryName(), custom.resolved());
            if (!next.equals(custom.effectiveTargets())) {
                moves.add(new RoutingCommand.RerouteCustom(custom.name(), next.equals(custom.resolved()) ? null
                        : new ReaderReroute(next, unfitReasons(table, health, custom.primaryName(), custom.resolved()))));
            }
        }
        return moves;
    }

    /** The members not known to be unfit, in their order; the primary when none is left. */
    private static List<String> fitOf(Map<String, Health> health, String primary, List<String> members) {
        List<String> usable = members.stream().filter(member -> !knownUnfit(health, primary, member)).toList();
        return usable.isEmpty() ? List.of(primary) : usable;
    }

    /** Unfit by the probes' judgement: a server they know nothing of yet is not. */
    private static boolean knownUnfit(Map<String, Health> health, String primary, String server) {
        return forReads(health, primary, server) == HealthState.Unhealthy;
    }

    private String unfitReasons(RoutingTable table, Map<String, Health> health, String primary, List<String> members) {
        return members.stream().filter(member -> knownUnfit(health, primary, member))
                .map(member -> unfitReason(table, health.get(member), member)).collect(Collectors.joining("; "));
    }

    private String instead(RoutingTable table, Map<String, Health> health, VirtualEndpoint endpoint, String chosen) {
        return table.replicasOf(endpoint.primaryName()).stream()
                .filter(replica -> !replica.name().equals(chosen))
                .filter(replica -> fitForReads(table, health, endpoint, replica.name()))
                .min(Comparator.comparingLong(replica -> lagOrMost(health.get(replica.name()))))
                .map(Server::name)
                .orElse(fitForReads(table, health, endpoint, endpoint.primaryName()) ? endpoint.primaryName() : chosen);
    }

    /** A replica fit to read from replays within the lag bound; the primary only has to be Healthy. */
    private static boolean fitForReads(RoutingTable table, Map<String, Health> health, VirtualEndpoint endpoint,
                                       String server) {
        return forReads(health, endpoint.primaryName(), server) == HealthState.Healthy && table.server(server) != null;
    }

    /**
     * How fit a server is to read from, by the probes: the primary by its health alone, a replica by its lag too;
     * Unknown for a server they know nothing of.
     */
    private static HealthState forReads(Map<String, Health> health, String primary, String server) {
        Health probed = health.get(server);
        if (probed == null) {
            return HealthState.Unknown;
        }
        return (server.equals(primary) ? probed.health() : probed.readable()).state();
    }

    private static long lagOrMost(Health health) {
        return health.replayLagBytes() < 0 ? Long.MAX_VALUE : health.replayLagBytes();
    }

    private String unfitReason(RoutingTable table, Health target, String chosen) {
        if (target.health().state() == HealthState.Unhealthy) {
            return "'" + chosen + "' is Unhealthy: " + target.health().last().detail();
        }
        if (target.replayLagBytes() > settings.maxReaderLag()) {
            return "'" + chosen + "' replays " + target.replayLagBytes() + " bytes behind '"
                    + table.server(chosen).primaryName() + "', beyond max-reader-lag " + settings.maxReaderLag();
        }
        return "'" + chosen + "' is not fit to read from: " + target.readable().last().detail();
    }

    /**
     * For each pair, whatever its option: what the probes see that disagrees with the set's roles (its writer's
     * target in recovery, a replica accepting writes), or that they agree again.
     */
    public List<RoutingCommand> roleMismatches(RoutingTable table, Map<String, Health> health) {
        List<RoutingCommand> marks = new ArrayList<>();
        for (VirtualEndpoint endpoint : table.endpointsInAnyOrder()) {
            List<String> found = new ArrayList<>();
            Observation writer = seen(health, endpoint.primaryName());
            if (writer != null && writer.role() == ObservedRole.Replica) {
                found.add("'" + endpoint.primaryName() + "' is the writer's target but is in recovery");
            }
            for (Server replica : table.replicasOf(endpoint.primaryName())) {
                Observation last = seen(health, replica.name());
                if (last != null && last.role() == ObservedRole.Primary) {
                    found.add("'" + replica.name() + "' is a replica of '" + endpoint.primaryName()
                            + "' but accepts writes");
                }
            }
            String mismatch = found.isEmpty() ? null : String.join("; ", found);
            if (!Objects.equals(mismatch, endpoint.roleMismatch())) {
                marks.add(new RoutingCommand.MarkRoleMismatch(endpoint.name(), mismatch));
            }
        }
        return marks;
    }

    /**
     * Why {@code replica} may not take over in a Planned switchover now, or null when it may: it must be Healthy
     * and replay within max-switchover-lag. A server that is not probed is not judged.
     */
    public String unready(RoutingTable table, Map<String, Health> health, String replica) {
        Server server = table.server(replica);
        if (server == null || server.probe() != null && server.probe().type() == ProbeType.none) {
            return null;
        }
        Health probed = health.get(replica);
        if (probed == null) {
            return "'" + replica + "' has not been probed yet";
        }
        Observation last = probed.health().last();
        if (probed.health().state() != HealthState.Healthy) {
            return "'" + replica + "' is " + probed.health().state() + " (" + last.detail() + ")";
        }
        if (probed.replayLagBytes() < 0) {
            return "how far '" + replica + "' lags '" + server.primaryName() + "' is not known (" + last.detail() + ")";
        }
        if (probed.replayLagBytes() > settings.maxSwitchoverLag()) {
            return "'" + replica + "' replays " + probed.replayLagBytes() + " bytes"
                    + (last.replaySeconds() == null ? "" : String.format(Locale.ROOT, " (%.1f s)", last.replaySeconds()))
                    + " behind '" + server.primaryName() + "', beyond max-switchover-lag "
                    + settings.maxSwitchoverLag() + " bytes";
        }
        return null;
    }

    /** The last observation of a server that answered it; null when it did not or is not probed. */
    private static Observation seen(Map<String, Health> health, String server) {
        Health probed = health.get(server);
        Observation last = probed == null ? null : probed.health().last();
        return last != null && last.reachable() ? last : null;
    }

    private static List<Server> setOf(RoutingTable table, String primary) {
        List<Server> set = new ArrayList<>(table.replicasOf(primary));
        set.add(table.server(primary));
        return set;
    }
}

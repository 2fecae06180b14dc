package dev.vedns.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A name of a set's own choosing, {@code <name>.custom.<zone>}, answering a chosen subset of the set in turn, as
 * Aurora's custom endpoints: a static list of {@code members}, or every present and future server of the set
 * but the {@code excludedMembers}.
 *
 * @param primaryName     the primary of the set it belongs to
 * @param members         the servers it answers, in order; null when it is defined by exclusion
 * @param excludedMembers the servers it never answers; null when it is a static list
 * @param resolved        its members as the set has them now, worked out by {@link #in}: never empty
 * @param reroute         what it answers instead, when the health probes found some of them unfit; null when it
 *                        answers them all
 */
public record CustomEndpoint(String name, String primaryName, CustomEndpointType type, List<String> members,
                             List<String> excludedMembers, List<String> resolved, ReaderReroute reroute) {

    public CustomEndpoint {
        members = members == null ? null : List.copyOf(members);
        excludedMembers = excludedMembers == null ? null : List.copyOf(excludedMembers);
        resolved = List.copyOf(resolved);
    }

    /** What its name answers now, in turn: its members, unless the probes left some out. */
    public List<String> effectiveTargets() {
        return reroute == null ? resolved : reroute.targets();
    }

    /** @param newReroute null to answer every member again */
    public CustomEndpoint withReroute(ReaderReroute newReroute) {
        return new CustomEndpoint(name, primaryName, type, members, excludedMembers, resolved, newReroute);
    }

    /**
     * The servers of the set of {@code primary} a definition answers (a Reader: its replicas; Any: the primary
     * too), those of the static list in its order, or all but the excluded ones by name; the primary when none is
     * left, so the name always answers.
     */
    private static List<String> resolve(RoutingTable table, String primary, CustomEndpointType type,
                                        List<String> members, List<String> excluded) {
        List<String> candidates = new ArrayList<>();
        if (type == CustomEndpointType.Any) {
            candidates.add(primary);
        }
        table.replicasOf(primary).forEach(replica -> candidates.add(replica.name()));
        List<String> chosen = new ArrayList<>();
        if (members != null) {
            members.stream().filter(candidates::contains).forEach(chosen::add);
        } else {
            candidates.stream().filter(server -> !excluded.contains(server)).forEach(chosen::add);
        }
        return chosen.isEmpty() ? List.of(primary) : chosen;
    }

    /**
     * The same definition under {@code primary} with lists {@code members} and {@code excluded}, resolved in
     * {@code table}; a reroute is kept only while the members stay the same, for the probes to judge new ones.
     */
    public CustomEndpoint in(RoutingTable table, String primary, List<String> newMembers, List<String> excluded) {
        List<String> now = resolve(table, primary, type, newMembers, excluded);
        return new CustomEndpoint(name, primary, type, newMembers, excluded, now,
                now.equals(resolved) && primary.equals(primaryName) ? reroute : null);
    }
}

package dev.vedns.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A writer/reader pair of names.
 *
 * @param name                         the base name: {@code <name>.writer.<zone>} and {@code <name>.reader.<zone>}
 * @param primaryName                  the primary of the replication set the pair belongs to; the writer's target
 * @param readerMembers                the servers the user chose for the reader, each the primary or one of its
 *                                     replicas, in the order given; with more than one the reader is a pool, each
 *                                     answer naming one of them in turn
 * @param writerFollowsObservedPrimary whether health probes may promote a server they see promoted elsewhere
 * @param reroute                      what the reader answers instead of its members, and why; null when it
 *                                     answers them
 * @param roleMismatch                 what the probes see that disagrees with the roles of the set; null when
 *                                     nothing does
 */
public record VirtualEndpoint(String name, String primaryName, List<String> readerMembers,
                              boolean writerFollowsObservedPrimary, ReaderReroute reroute, String roleMismatch) {

    /** Azure's only endpoint type; kept as a constant so the API can echo it. */
    public static final String READ_WRITE = "ReadWrite";

    public VirtualEndpoint {
        readerMembers = List.copyOf(readerMembers);
        if (readerMembers.isEmpty()) {
            throw new IllegalArgumentException("a reader has at least one member");
        }
    }

    /** A pair whose reader has one member. */
    public VirtualEndpoint(String name, String primaryName, String readerTarget) {
        this(name, primaryName, List.of(readerTarget), false, null, null);
    }

    /** The servers the reader's name answers now, in turn: its members unless health rerouted it. */
    public List<String> effectiveReaderTargets() {
        return reroute == null ? readerMembers : reroute.targets();
    }

    /** Whether both names answer the same as {@code other}'s: the zone needs no new serial between them. */
    public boolean answersLike(VirtualEndpoint other) {
        return name.equals(other.name) && primaryName.equals(other.primaryName)
                && effectiveReaderTargets().equals(other.effectiveReaderTargets());
    }

    /** A new choice of the user's: it ends any reroute, which the probes decide again against the new members. */
    public VirtualEndpoint withReaderMembers(List<String> members) {
        return new VirtualEndpoint(name, primaryName, members, writerFollowsObservedPrimary, null, roleMismatch);
    }

    /** The pair after a promotion made {@code primary} its writer's target and left the reader these members. */
    public VirtualEndpoint afterPromotion(String primary, List<String> members) {
        return new VirtualEndpoint(name, primary, members, writerFollowsObservedPrimary, null, roleMismatch);
    }

    public VirtualEndpoint withWriterFollowsObservedPrimary(boolean follows) {
        return new VirtualEndpoint(name, primaryName, readerMembers, follows, reroute, roleMismatch);
    }

    /** @param newReroute null to answer the members again */
    public VirtualEndpoint withReroute(ReaderReroute newReroute) {
        return new VirtualEndpoint(name, primaryName, readerMembers, writerFollowsObservedPrimary, newReroute,
                roleMismatch);
    }

    /** @param mismatch null when the roles agree again */
    public VirtualEndpoint withRoleMismatch(String mismatch) {
        return new VirtualEndpoint(name, primaryName, readerMembers, writerFollowsObservedPrimary, reroute, mismatch);
    }

    /** Whether the reader answers {@code server}, as a member or rerouted: removing it must move the reader. */
    public boolean readerAnswers(String server) {
        return readerMembers.contains(server) || effectiveReaderTargets().contains(server);
    }

    /** The members without {@code server}; the primary when none would be left, so the reader always answers. */
    public List<String> membersWithout(String server) {
        List<String> left = new ArrayList<>(readerMembers);
        left.remove(server);
        return left.isEmpty() ? List.of(primaryName) : left;
    }

    /** The members with {@code replaced} (where present) taken by {@code by}, each server once. */
    public List<String> membersReplacing(String replaced, String by) {
        List<String> members = new ArrayList<>();
        for (String member : readerMembers) {
            String kept = member.equals(replaced) ? by : member;
            if (!members.contains(kept)) {
                members.add(kept);
            }
        }
        return members;
    }
}

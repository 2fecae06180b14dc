package dev.vedns.routing;

import java.util.Objects;

/**
 * A writer/reader pair of names.
 *
 * @param name                         the base name: {@code <name>.writer.<zone>} and {@code <name>.reader.<zone>}
 * @param primaryName                  the primary of the replication set the pair belongs to; the writer's target
 * @param readerTarget                 the server the user chose for the reader: the primary or one of its replicas
 * @param writerFollowsObservedPrimary whether health probes may promote a server they see promoted elsewhere
 * @param reroute                      where the reader answers instead of its chosen target, and why; null when
 *                                     it answers the chosen one
 * @param roleMismatch                 what the probes see that disagrees with the roles of the set; null when
 *                                     nothing does
 */
public record VirtualEndpoint(String name, String primaryName, String readerTarget,
                              boolean writerFollowsObservedPrimary, ReaderReroute reroute, String roleMismatch) {

    /** Azure's only endpoint type; kept as a constant so the API can echo it. */
    public static final String READ_WRITE = "ReadWrite";

    public VirtualEndpoint(String name, String primaryName, String readerTarget) {
        this(name, primaryName, readerTarget, false, null, null);
    }

    /** The server the reader's name answers now: the chosen target unless health rerouted it. */
    public String effectiveReaderTarget() {
        return reroute == null ? readerTarget : reroute.target();
    }

    /** Whether both names answer the same as {@code other}'s: the zone needs no new serial between them. */
    public boolean answersLike(VirtualEndpoint other) {
        return name.equals(other.name) && primaryName.equals(other.primaryName)
                && effectiveReaderTarget().equals(other.effectiveReaderTarget());
    }

    /** A new choice of the user's: it ends any reroute, which the probes decide again against the new target. */
    public VirtualEndpoint withReaderTarget(String target) {
        return new VirtualEndpoint(name, primaryName, target, writerFollowsObservedPrimary, null, roleMismatch);
    }

    /** The pair after a promotion made {@code primary} its writer's target. */
    public VirtualEndpoint afterPromotion(String primary, String target) {
        return new VirtualEndpoint(name, primary, target, writerFollowsObservedPrimary, null, roleMismatch);
    }

    public VirtualEndpoint withWriterFollowsObservedPrimary(boolean follows) {
        return new VirtualEndpoint(name, primaryName, readerTarget, follows, reroute, roleMismatch);
    }

    /** @param newReroute null to answer the chosen target again */
    public VirtualEndpoint withReroute(ReaderReroute newReroute) {
        return new VirtualEndpoint(name, primaryName, readerTarget, writerFollowsObservedPrimary, newReroute,
                roleMismatch);
    }

    /** @param mismatch null when the roles agree again */
    public VirtualEndpoint withRoleMismatch(String mismatch) {
        return new VirtualEndpoint(name, primaryName, readerTarget, writerFollowsObservedPrimary, reroute, mismatch);
    }

    /** Whether the reader answers {@code server}, chosen or rerouted: deleting it must move the reader. */
    public boolean readerAnswers(String server) {
        return readerTarget.equals(server) || Objects.equals(effectiveReaderTarget(), server);
    }
}

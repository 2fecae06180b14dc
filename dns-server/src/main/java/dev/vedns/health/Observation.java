package dev.vedns.health;

import java.time.Instant;

/**
 * What one probe saw of one server.
 *
 * @param role               Primary when it accepts writes, Replica while it replays WAL, Unknown otherwise
 * @param timeline           the timeline it writes (a primary) or receives (a replica); 0 when not known
 * @param lsn                the primary's current WAL position, or the replica's last replayed one; -1 when not known
 * @param replaySeconds      how long ago the replica replayed its last transaction; null for a primary or unknown
 * @param detail             why the probe failed, or what it saw, for a person
 */
public record Observation(Instant at, boolean reachable, ObservedRole role, long timeline, long lsn,
                          Double replaySeconds, String detail) {

    static Observation unreachable(Instant at, String detail) {
        return new Observation(at, false, ObservedRole.Unknown, 0, -1, null, detail);
    }

    /** How far {@code replica} has still to replay to reach {@code primary}, in bytes of WAL; -1 when not known. */
    public static long lagBytes(Observation primary, Observation replica) {
        if (primary.role() != ObservedRole.Primary || replica.role() != ObservedRole.Replica || primary.lsn() < 0
                || replica.lsn() < 0) {
            return -1;
        }
        return Math.max(0, primary.lsn() - replica.lsn());
    }

    /** A WAL position as PostgreSQL writes it ({@code 16/B374D848}) as one number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
    }
}

package dev.vedns.routing;

import java.util.Locale;
import java.util.Optional;

/** The role a server plays in its replication set, spelled as Azure spells it. */
public enum ReplicationRole {
    Primary,
    AsyncReplica;

    /** Accepts any letter case, as {@code az} does, so that scripts need not remember the spelling. */
    public static Optional<ReplicationRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ReplicationRole role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

package dev.vedns.access;

import java.time.Instant;
import java.util.List;

/**
 * An API token as the durable state keeps it: never the secret, only its SHA-256.
 *
 * @param servers    globs of the servers whose replication sets it reaches; empty for all
 * @param secretHash the SHA-256 of the secret, as 64 lowercase hex digits
 * @param expiresAt  null for a token that does not expire
 */
public record Token(String name, TokenRole role, List<String> servers, String secretHash, Instant createdAt,
                    Instant expiresAt) {

    public Token {
        servers = List.copyOf(servers);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

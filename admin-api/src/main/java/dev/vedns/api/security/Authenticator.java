package dev.vedns.api.security;

import dev.vedns.access.Secrets;
import dev.vedns.access.Token;
import dev.vedns.engine.RoutingEngine;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the token behind a presented secret among those the engine publishes now, so a revocation holds from
 * the next request on; and remembers when each token was last used (in memory: not worth a journal write
 * per request).
 */
@Singleton
public class Authenticator {

    private final RoutingEngine engine;
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

    public Authenticator(RoutingEngine engine) {
        this.engine = engine;
    }

    /** The token whose secret this is, expired or not; empty when none is. */
    Optional<Token> find(String secret) {
        String presented = Secrets.hash(secret);
        Token found = null;
        // Every hash is compared, so the time taken says nothing about which token came close.
        for (Token token : engine.table().tokens()) {
            if (Secrets.sameHash(presented, token.secretHash())) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    void used(Token token, Instant at) {
        lastUsed.put(token.name(), at);
    }

    /** When the token last authenticated a request since this process started, or null. */
    public Instant lastUsed(String name) {
        return lastUsed.get(name);
    }
}

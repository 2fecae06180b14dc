package dev.vedns.api.state;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What {@code PUT /api/v1/state} answers when asked for {@code Prefer: return=minimal} (RFC 7240): the counts of
 * what is now published, instead of echoing 100,000 pairs back.
 */
@Serdeable
public record StateSummary(String zone, long serial, int servers, int virtualEndpoints, int customEndpoints) {
}

package dev.vedns.api.promotion;

import dev.vedns.api.servers.ServerResource;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to a promotion: what was done, and each replication set it touched as its primary shows it
 * (the promoted server's set first).
 */
@Serdeable
public record PromotionResult(String promotedServer, String promoteMode, String promoteOption, long eventId,
                              List<ServerResource> replicationSets) {
}

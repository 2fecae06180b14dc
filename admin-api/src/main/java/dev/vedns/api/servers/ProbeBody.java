package dev.vedns.api.servers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.ServerProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A server's own probe, in requests and resources alike: {@code type} postgres, tcp or none, and {@code port}
 * (absent: the configured {@code vedns.health.postgres.port}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field must not be silently dropped
public record ProbeBody(@Nullable String type, @Nullable Integer port) {

    public static ProbeBody of(ServerProbe probe) {
        return probe == null ? null : new ProbeBody(probe.type().name(), probe.port());
    }

    public static RoutingCommand.ProbeText text(ProbeBody body) {
        return body == null ? null : new RoutingCommand.ProbeText(body.type(), body.port());
    }
}

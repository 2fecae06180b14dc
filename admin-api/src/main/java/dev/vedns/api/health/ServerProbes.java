package dev.vedns.api.health;

import dev.vedns.Vedns;
import dev.vedns.api.config.VednsConfiguration;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.health.HealthFollower;
import dev.vedns.health.HealthRules;
import dev.vedns.health.PostgresLogin;
import dev.vedns.health.ProbeSettings;
import dev.vedns.health.Prober;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The probes of the PostgreSQL servers, running while vedns does when {@code vedns.health.enabled}, and the
 * routing following what they find.
 */
@Context
public class ServerProbes {

    private final Prober prober;

    public ServerProbes(VednsConfiguration config, RoutingEngine engine, Vedns vedns) {
        VednsConfiguration.Health health = config.getHealth();
        if (!health.isEnabled()) {
            prober = null;
            return;
        }
        VednsConfiguration.Health.Postgres postgres = health.getPostgres();
        ProbeSettings settings;
        try {
            settings = new ProbeSettings(health.getInterval(), health.getTimeout(), health.getRise(), health.getFall(),
                    postgres.getPort(), new PostgresLogin(postgres.getDatabase(), postgres.getUser(),
                    postgres.password("vedns.health.postgres"), postgres.getSslmode()), health.getMaxReaderLag(), health.getMaxSwitchoverLag());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("vedns.health: " + invalid.getMessage());
        }
        HealthFollower follower = new HealthFollower(engine, new HealthRules(settings));
        engine.judgeSwitchoversBy(follower);
        prober = new Prober(engine::table, settings, Clock.systemUTC(), follower::follow);
        prober.start(vedns.leadership());
    }

    /** Whether the probes run ({@code vedns.health.enabled}). */
    public boolean running() {
        return prober != null;
    }

    /** Every probed server's health as the last round left it; empty with probes off. */
    public Map<String, Prober.Health> all() {
        return prober == null ? Map.of() : prober.health();
    }

    /** The health of a server as the last round of probes left it; empty with probes off or before its first. */
    public Optional<Prober.Health> of(String server) {
        return prober == null ? Optional.empty() : Optional.ofNullable(prober.health().get(server));
    }

    @PreDestroy
    void stop() {
        if (prober != null) {
            prober.close();
        }
    }
}

package dev.vedns.health;

import dev.vedns.engine.RoutingEngine;
import dev.vedns.health.Prober.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A prober without databases: each round, the test says what every server shows, and the round is judged by the
 * prober's own rules (hysteresis, lag against the set's primary) and handed to a follower of a real engine.
 */
final class FakeProbes {

    /** Rise 2, fall 2, max-reader-lag 16 MB, max-switchover-lag 1 MB: the defaults. */
    static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 2, 5432,
            new PostgresLogin("postgres", "vedns_monitor", null, "disable"), 16 << 20, 1 << 20);

    private final RoutingEngine engine;
    private final HealthFollower follower;
    private final Map<String, Prober.Timed> next = new HashMap<>();
    private Map<String, Health> health = Map.of();

    FakeProbes(RoutingEngine engine) {
        this.engine = engine;
        this.follower = new HealthFollower(engine, new HealthRules(SETTINGS));
        engine.judgeSwitchoversBy(follower);
    }

    FakeProbes primary(String server, long timeline, long lsn) {
        return shows(server, new Observation(Instant.now(), true, ObservedRole.Primary, timeline, lsn, null, "primary"));
    }

    FakeProbes replica(String server, long timeline, long lsn) {
        return shows(server, new Observation(Instant.now(), true, ObservedRole.Replica, timeline, lsn, 0.5, "replica"));
    }

    FakeProbes down(String server) {
        return shows(server, Observation.unreachable(Instant.now(), "connection refused"));
    }

    private FakeProbes shows(String server, Observation observation) {
        next.put(server, new Prober.Timed(observation, 0.001));
        return this;
    }

    /** One round of what the servers were last said to show, followed as the running vedns follows it. */
    Map<String, Health> round() {
        health = Prober.judge(engine.table(), Map.copyOf(next), health, SETTINGS);
        follower.follow(health);
        return health;
    }

    /** {@code count} rounds of the same. */
    void rounds(int count) {
        for (int i = 0; i < count; i++) {
            round();
        }
    }
}

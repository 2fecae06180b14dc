package dev.vedns.health;

import dev.vedns.engine.Actor;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.engine.Scope;
import dev.vedns.health.Prober.Health;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import dev.vedns.routing.SwitchoverReadiness;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the routing follow the probes: after each round it hands the single writer what {@link HealthRules} asks
 * for, as actor {@value #ACTOR_NAME}, so every move is a change like any other (a new snapshot, a new serial,
 * an event) and the observations themselves are never journaled. Writers move first, so the readers and the
 * role checks are judged against the set as it is after a switchover. It also judges Planned switchovers.
 */
public final class HealthFollower implements SwitchoverReadiness {

    public static final String ACTOR_NAME = "health";
    private static final Actor ACTOR = new Actor(ACTOR_NAME, Scope.ALL);
    private static final Logger LOG = LoggerFactory.getLogger(HealthFollower.class);

    private final RoutingEngine engine;
    private final HealthRules rules;
    private volatile Map<String, Health> health = Map.of();

    public HealthFollower(RoutingEngine engine, HealthRules rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /** One round's findings: applied in order, each against the table the previous one left. */
    public void follow(Map<String, Health> round) {
        health = round;
        applyAll(() -> rules.writerMoves(engine.table(), round));
        applyAll(() -> rules.readerMoves(engine.table(), round));
        applyAll(() -> rules.customMoves(engine.table(), round));
        applyAll(() -> rules.roleMismatches(engine.table(), round));
    }

    private void applyAll(Supplier<List<RoutingCommand>> decide) {
        for (RoutingCommand command : decide.get()) {
            try {
                engine.apply(command, ACTOR);
            } catch (RoutingException refused) {
                // The table moved between the round and the change (a user deleted the pair); the next round
                // judges again against what is there.
                LOG.info("Health change {} not made: {}", command, refused.getMessage());
            }
        }
    }

    @Override
    public String unready(String replica) {
        return rules.unready(engine.table(), health, replica);
    }
}

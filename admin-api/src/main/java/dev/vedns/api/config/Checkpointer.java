package dev.vedns.api.config;

import dev.vedns.engine.RoutingEngine;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/** On clean shutdown, folds the journal into a snapshot so the next start replays nothing. */
@Context
public class Checkpointer {

    private final RoutingEngine engine;

    public Checkpointer(RoutingEngine engine) {
        this.engine = engine;
    }

    @PreDestroy
    void checkpointOnShutdown() {
        engine.checkpoint();
    }
}

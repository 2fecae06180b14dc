package dev.vedns.api;

import dev.vedns.api.security.Caller;
import dev.vedns.engine.Applied;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Hands a request's command to the engine in the caller's name, for real or as a dry run. */
@Singleton
public class Changes {

    private final RoutingEngine engine;

    public Changes(RoutingEngine engine) {
        this.engine = engine;
    }

    public Applied apply(RoutingCommand command, HttpRequest<?> request) {
        return engine.apply(command, Caller.of(request).actor());
    }

    /** With {@code dry}, what the command would do, judged by the same rules, with nothing done. */
    public Applied run(RoutingCommand command, boolean dry, HttpRequest<?> request) {
        return dry ? engine.preview(command, Caller.of(request).actor()) : apply(command, request);
    }
}

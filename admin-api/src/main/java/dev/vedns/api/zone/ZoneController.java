package dev.vedns.api.zone;

import dev.vedns.access.TokenRole;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import dev.vedns.api.security.Unscoped;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.zone.ZoneFile;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /api/v1/zone}: the live zone as a master file, the very snapshot DNS answers from. */
@Controller("/api/v1/zone")
@ProblemResponses
@AllowedFor(TokenRole.viewer)
@Unscoped
public class ZoneController {

    static final String TEXT_DNS = "text/dns";

    private final RoutingEngine engine;

    public ZoneController(RoutingEngine engine) {
        this.engine = engine;
    }

    @Get
    @Produces(TEXT_DNS)
    public String zone() {
        return ZoneFile.render(engine.get());
    }
}

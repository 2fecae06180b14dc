package dev.vedns.api.metrics;

import dev.vedns.access.TokenRole;
import dev.vedns.api.problem.ProblemResponses;
import dev.vedns.api.security.AllowedFor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics}: every meter in the Prometheus text format, for a viewer token. */
@Controller("/metrics")
@ProblemResponses
@AllowedFor(TokenRole.viewer)
public class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final ProbeMetrics probes;
    private final TransferMetrics transfers;

    public MetricsController(PrometheusMeterRegistry registry, ProbeMetrics probes, TransferMetrics transfers) {
        this.registry = registry;
        this.probes = probes;
        this.transfers = transfers;
    }

    @Get
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        probes.refresh();
        transfers.refresh();
        return registry.scrape();
    }
}

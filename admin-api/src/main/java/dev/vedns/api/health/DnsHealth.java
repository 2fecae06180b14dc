package dev.vedns.api.health;

import dev.vedns.Vedns;
import dev.vedns.transport.DnsListener;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** Ready while every DNS socket is bound and open. */
@Singleton
@Readiness
public class DnsHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final DnsListener dns;

    public DnsHealth(Vedns vedns) {
        this.dns = vedns.dns();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = dns.listening() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("udp", dns.udpAddress().toString(), "tcp", dns.tcpAddress().toString());
    }

    @Override
    public String getName() {
        return "dns";
    }
}

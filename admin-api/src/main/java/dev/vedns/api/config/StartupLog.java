package dev.vedns.api.config;

import dev.vedns.Vedns;
import dev.vedns.transport.DnsListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** States in one line where everything listens, so an operator (or a script) knows the real ports. */
@Singleton
public class StartupLog {

    private static final Logger LOG = LoggerFactory.getLogger("vedns");

    private final DnsListener dns;
    private final VednsConfiguration config;

    public StartupLog(Vedns vedns, VednsConfiguration config) {
        this.dns = vedns.dns();
        this.config = config;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        LOG.info("vedns serving zone {}: DNS udp {} tcp {}, API {} ({})", config.getZone(), hostPort(dns.udpAddress()),
                hostPort(dns.tcpAddress()), event.getSource().getURL(), dns.describe());
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}

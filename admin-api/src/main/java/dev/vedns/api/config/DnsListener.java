package dev.vedns.api.config;

import dev.vedns.engine.RoutingEngine;
import dev.vedns.transport.DnsServer;
import dev.vedns.transport.DnsServerSettings;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.net.InetSocketAddress;

/** Runs the DNS server for as long as the application context lives; eager, so DNS is up with the API. */
@Context
public class DnsListener implements AutoCloseable {

    private final DnsServer server;

    public DnsListener(DnsServerSettings settings, RoutingEngine engine) throws InterruptedException {
        this.server = DnsServer.start(settings, engine);
    }

    public InetSocketAddress udpAddress() {
        return server.udpAddress();
    }

    public InetSocketAddress tcpAddress() {
        return server.tcpAddress();
    }

    public String describe() {
        return server.describe();
    }

    @PreDestroy
    @Override
    public void close() {
        server.close();
    }
}

package dev.vedns.api.config;

import dev.vedns.api.state.BootstrapFile;
import dev.vedns.api.state.StateImport;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingException;
import dev.vedns.storage.FileStore;
import dev.vedns.routing.AddressLiterals;
import dev.vedns.transport.DnsServerSettings;
import dev.vedns.zone.ZoneNames;
import dev.vedns.zone.ZoneSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Builds the engine's plain settings objects from the Micronaut configuration, failing fast on bad values. */
@Factory
public class EngineFactory {

    @Singleton
    ZoneSettings zoneSettings(VednsConfiguration config) {
        Name origin = absoluteName("vedns.zone", config.getZone());
        Name hostmaster = config.getHostmaster() == null
                ? ZoneNames.child("hostmaster", origin)
                : absoluteName("vedns.hostmaster", config.getHostmaster());
        VednsConfiguration.Ttl ttl = config.getTtl();
        return new ZoneSettings(origin, hostmaster, nsAddresses(config.getDns().getNsAddresses()),
                ttl.getEndpoint(), ttl.getServer(), ttl.getNegative(), ttl.getApex());
    }

    @Singleton
    DnsServerSettings dnsServerSettings(VednsConfiguration config) {
        VednsConfiguration.Dns dns = config.getDns();
        return new DnsServerSettings(dns.getHost(), dns.getPort(), dns.getTcpIdleTimeout(), dns.getTcpMaxConnections(),
                dns.getThreads());
    }

    /** Opens the data directory, recovering every acknowledged change; closed (unlocked) at shutdown. */
    @Singleton
    @Bean(preDestroy = "close")
    FileStore fileStore(VednsConfiguration config) {
        int retain = config.getEvents().getRetain();
        if (retain < 1) {
            throw new ConfigurationException("vedns.events.retain must be at least 1, not " + retain);
        }
        // A new directory starts at a clock-based serial, so a secondary that knew an older vedns never sees it go back.
        return FileStore.open(config.getDataDir(), Instant.now().getEpochSecond(), retain,
                config.getJournal().isRecoverDamaged());
    }

    @Singleton
    RoutingEngine routingEngine(ZoneSettings settings, VednsConfiguration config, FileStore store,
                                BootstrapFile bootstrap) {
        int checkpointEvery = config.getJournal().getCheckpointEvery();
        if (checkpointEvery < 1) {
            throw new ConfigurationException("vedns.journal.checkpoint-every must be at least 1, not " + checkpointEvery);
        }
        RoutingEngine engine = new RoutingEngine(settings, store.recovered(), config.getEvents().getRetain(), store,
                checkpointEvery);
        if (store.replayed() > 0) {
            // Folding the replayed journal into a snapshot also drops any torn tail the recovery cut off.
            engine.checkpoint();
        }
        Path file = config.getBootstrapFile();
        if (file != null && store.recovered().lastEventId() == 0) {
            applyBootstrap(engine, file, bootstrap.read(file));
        }
        return engine;
    }

    private static void applyBootstrap(RoutingEngine engine, Path file, StateImport document) {
        try {
            engine.apply(document.toCommand());
        } catch (RoutingException refused) {
            throw new ConfigurationException("vedns.bootstrap-file " + file.toAbsolutePath() + " was refused: "
                    + refused.detail() + refused.errors().stream().map(error -> "\n  " + error.field() + ": "
                    + error.message()).collect(Collectors.joining()));
        }
    }

    private static Name absoluteName(String key, String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new ConfigurationException(key + " '" + text + "' is not a valid DNS name: " + e.getMessage());
        }
    }

    private static List<InetAddress> nsAddresses(List<String> texts) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String text : texts) {
            InetAddress address = AddressLiterals.parse(text);
            if (address == null) {
                throw new ConfigurationException("vedns.dns.ns-addresses: '" + text + "' is not an IP address");
            }
            addresses.add(address);
        }
        return addresses;
    }
}

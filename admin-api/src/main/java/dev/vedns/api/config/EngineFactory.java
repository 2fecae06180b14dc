package dev.vedns.api.config;

import dev.vedns.Vedns;
import dev.vedns.VednsSettings;
import dev.vedns.api.state.BootstrapFile;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.etcd.EtcdSettings;
import dev.vedns.routing.AddressLiterals;
import dev.vedns.routing.RoutingException;
import dev.vedns.transfer.NotifySettings;
import dev.vedns.transfer.TransferSettings;
import dev.vedns.transfer.TsigKey;
import dev.vedns.transport.DnsListenerSettings;
import dev.vedns.zone.NameServer;
import dev.vedns.zone.ZoneNames;
import dev.vedns.zone.ZoneSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Builds the engine through its facade from the Micronaut configuration, failing fast on bad values. */
@Factory
public class EngineFactory {

    @Singleton
    ZoneSettings zoneSettings(VednsConfiguration config) {
        Name origin = absoluteName("vedns.zone", config.getZone());
        Name hostmaster = config.getHostmaster() == null
                ? ZoneNames.child("hostmaster", origin)
                : absoluteName("vedns.hostmaster", config.getHostmaster());
        VednsConfiguration.Ttl ttl = config.getTtl();
        try {
            return new ZoneSettings(origin, hostmaster, nameServers(config, origin),
                    ttl.getEndpoint(), ttl.getPool(), ttl.getServer(), ttl.getNegative(), ttl.getApex(),
                    config.getSoa().getRefresh(), config.getSoa().getRetry(), config.getSoa().getExpire());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("vedns.ns: " + invalid.getMessage());
        }
    }

    /**
     * The apex NS RRset from {@code vedns.ns} (a relative name is under the zone); without it, {@code ns1} with the
     * addresses of {@code vedns.dns.ns-addresses}.
     */
    private static List<NameServer> nameServers(VednsConfiguration config, Name origin) {
        if (config.getNs().isEmpty()) {
            return List.of(new NameServer(ZoneNames.child("ns1", origin),
                    addresses("vedns.dns.ns-addresses", config.getDns().getNsAddresses())));
        }
        List<NameServer> servers = new ArrayList<>();
        for (Map<String, Object> entry : config.getNs()) {
            Object name = entry.get("name");
            if (name == null) {
                throw new ConfigurationException("vedns.ns: each name server needs a name");
            }
            Name parsed;
            try {
                parsed = Name.fromString(name.toString(), origin);
            } catch (TextParseException invalid) {
                throw new ConfigurationException("vedns.ns: '" + name + "' is not a DNS name");
            }
            Object listed = entry.getOrDefault("addresses", List.of());
            List<String> texts = listed instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(listed));
            servers.add(new NameServer(parsed, addresses("vedns.ns", texts)));
        }
        return servers;
    }

    /** Who may transfer the zone, with each key's secret read from its file when it has one (never logged). */
    static TransferSettings transfers(VednsConfiguration.Transfer transfer, VednsConfiguration.Notify notify) {
        List<TsigKey> keys = new ArrayList<>();
        for (Map<String, String> key : transfer.getTsigKeys()) {
            String name = key.get("name");
            String secret = key.get("secret");
            String file = key.getOrDefault("secret-file", key.get("secretFile"));
            if (file != null) {
                try {
                    secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
                } catch (IOException unreadable) {
                    throw new ConfigurationException("vedns.transfer.tsig-keys: the secret-file of key " + name
                            + " cannot be read: " + unreadable.getMessage());
                }
            }
            if (name == null || secret == null) {
                throw new ConfigurationException("vedns.transfer.tsig-keys: each key needs a name and a secret or"
                        + " secret-file");
            }
            try {
                keys.add(new TsigKey(name, key.getOrDefault("algorithm", "hmac-sha256"), secret));
            } catch (IllegalArgumentException invalid) {
                throw new ConfigurationException("vedns.transfer.tsig-keys: " + invalid.getMessage());
            }
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        for (String target : notify.getTargets()) {
            int colon = target.lastIndexOf(':');
            try {
                targets.add(new InetSocketAddress(InetAddress.getByName(target.substring(0, colon)),
                        Integer.parseInt(target.substring(colon + 1))));
            } catch (IOException | RuntimeException invalid) {
                throw new ConfigurationException("vedns.notify.targets: '" + target + "' is not host:port");
            }
        }
        try {
            return new TransferSettings(transfer.getAllow(), keys, transfer.isRequireTsig(),
                    new NotifySettings(targets, notify.getRetry(), notify.getAttempts()), transfer.getIxfrHistory());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("vedns.notify: " + invalid.getMessage());
        }
    }

    /**
     * The engine as the facade assembles it: the data directory recovered, the bootstrap file applied to an
     * empty one, DNS listening. Eager, so DNS is up with the API; closed (checkpointed, unlocked) at shutdown.
     */
    @Context
    @Bean(preDestroy = "close")
    Vedns vedns(ZoneSettings zone, VednsConfiguration config, BootstrapFile bootstrap) throws InterruptedException {
        checkTls(config.getTls());
        int retain = config.getEvents().getRetain();
        if (retain < 1) {
            throw new ConfigurationException("vedns.events.retain must be at least 1, not " + retain);
        }
        int checkpointEvery = config.getJournal().getCheckpointEvery();
        if (checkpointEvery < 1) {
            throw new ConfigurationException("vedns.journal.checkpoint-every must be at least 1, not " + checkpointEvery);
        }
        VednsConfiguration.Dns dns = config.getDns();
        DnsListenerSettings listener = new DnsListenerSettings(dns.getHost(), dns.getPort(), dns.getTcpIdleTimeout(),
                dns.getTcpMaxConnections(), dns.getTcpMaxConnectionsPerClient(), dns.getRrl().getResponsesPerSecond(),
                dns.getRrl().getSlip(), dns.getThreads());
        Path file = config.getBootstrapFile();
        // A new directory starts at a clock-based serial, so a secondary that knew an older vedns never sees it go back.
        VednsSettings settings = new VednsSettings(zone, listener, config.getDataDir(), Instant.now().getEpochSecond(),
                retain, checkpointEvery, config.getJournal().isRecoverDamaged(),
                file == null ? null : () -> bootstrap.read(file).toCommand(), config.getCustomEndpoints().getPerSet(),
                transfers(config.getTransfer(), config.getNotify()), etcd(config));
        try {
            return Vedns.open(settings);
        } catch (RoutingException refused) {
            throw new ConfigurationException("vedns.bootstrap-file " + file.toAbsolutePath() + " was refused: "
                    + refused.detail() + refused.errors().stream().map(error -> "\n  " + error.field() + ": "
                    + error.message()).collect(Collectors.joining()));
        }
    }

    /** Where in etcd the state lives with {@code vedns.store: etcd}; null for the data directory. */
    static EtcdSettings etcd(VednsConfiguration config) {
        String store = config.getStore();
        if ("file".equals(store)) {
            return null;
        }
        if (!"etcd".equals(store)) {
            throw new ConfigurationException("vedns.store must be file or etcd, not '" + store + "'");
        }
        VednsConfiguration.Etcd etcd = config.getEtcd();
        try {
            List<URI> endpoints = new ArrayList<>();
            for (String endpoint : etcd.getEndpoints()) {
                endpoints.add(EtcdSettings.endpoint(endpoint));
            }
            return new EtcdSettings(endpoints, etcd.getPrefix(), etcd.getOperationTimeout(), etcd.getLeaseTtl(),
                    etcd.getUser(), etcd.password("vedns.etcd"), etcd.getCaFile());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(invalid.getMessage());
        }
    }

    /** Before anything listens: Micronaut's own error for a missing PEM would not name vedns's keys. */
    private static void checkTls(VednsConfiguration.Tls tls) {
        boolean halfConfigured = (tls.getCertFile() == null) != (tls.getKeyFile() == null);
        if (halfConfigured || tls.getCertFile() != null
                && !(Files.isReadable(tls.getCertFile()) && Files.isReadable(tls.getKeyFile()))) {
            throw new ConfigurationException("vedns.tls.cert-file and vedns.tls.key-file name a PEM certificate and its"
                    + " key, both readable, or neither; got " + tls.getCertFile() + " and " + tls.getKeyFile());
        }
    }

    @Singleton
    RoutingEngine routingEngine(Vedns vedns) {
        return vedns.engine();
    }

    private static Name absoluteName(String key, String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new ConfigurationException(key + " '" + text + "' is not a valid DNS name: " + e.getMessage());
        }
    }

    private static List<InetAddress> addresses(String key, List<String> texts) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String text : texts) {
            InetAddress address = AddressLiterals.parse(text);
            if (address == null) {
                throw new ConfigurationException(key + ": '" + text + "' is not an IP address");
            }
            addresses.add(address);
        }
        return addresses;
    }
}

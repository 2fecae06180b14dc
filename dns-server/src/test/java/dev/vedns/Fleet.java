package dev.vedns;

import dev.vedns.engine.DurableState;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.transfer.TransferSettings;
import dev.vedns.transport.DnsListenerSettings;
import dev.vedns.zone.NameServer;
import dev.vedns.zone.ZoneSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/** Builds routing states for tests through the same commands the API sends. */
public final class Fleet {

    public static final Name ZONE = Name.fromConstantString("postgres.internal.");
    public static final long FIRST_SERIAL = 1000;

    public static final int RETAIN = 1000;

    private final MemoryChangeLog changeLog;
    private final RoutingEngine engine;

    /** A fleet in memory: the engine's journal is a list, and nothing listens. */
    public Fleet() {
        this.changeLog = new MemoryChangeLog();
        this.engine = new RoutingEngine(settings(), new Loaded(DurableState.fresh(FIRST_SERIAL), 0), RETAIN, changeLog,
                1000, RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
    }

    private Fleet(RoutingEngine engine) {
        this.changeLog = null;
        this.engine = engine;
    }

    /** A fleet built on a running engine, such as {@link Vedns#engine()}. */
    public static Fleet on(RoutingEngine engine) {
        return new Fleet(engine);
    }

    public static ZoneSettings settings() {
        return new ZoneSettings(ZONE, Name.fromConstantString("hostmaster.postgres.internal."),
                List.of(new NameServer(Name.fromConstantString("ns1.postgres.internal."),
                        List.of(InetAddress.getLoopbackAddress()))), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofHours(1), ZoneSettings.REFRESH, ZoneSettings.RETRY, ZoneSettings.EXPIRE);
    }

    /** vedns on {@code directory} with this zone, DNS on a free loopback port. */
    public static VednsSettings settings(Path directory, Duration tcpIdleTimeout, int tcpMaxConnections,
                                         int checkpointEvery, boolean recoverDamaged) {
        return settings(directory, new DnsListenerSettings("127.0.0.1", 0, tcpIdleTimeout, tcpMaxConnections,
                tcpMaxConnections, 0, 0, 2), checkpointEvery, recoverDamaged);
    }

    /** vedns on {@code directory} with this zone, DNS listening as {@code dns} says. */
    public static VednsSettings settings(Path directory, DnsListenerSettings dns, int checkpointEvery,
                                         boolean recoverDamaged) {
        return new VednsSettings(settings(), dns, directory, FIRST_SERIAL, RETAIN, checkpointEvery, recoverDamaged, null,
                RoutingRules.CUSTOM_ENDPOINTS_PER_SET, TransferSettings.NONE, null);
    }

    /** pg-main (10.0.0.5) with replica pg-replica-1 (10.0.0.6, fd00::6) and the pair mydb on its replica. */
    public static Fleet standard() {
        return new Fleet().standardSet();
    }

    /** This fleet with the standard replication set added. */
    public Fleet standardSet() {
        return primary("pg-main", "10.0.0.5")
                .replica("pg-replica-1", "pg-main", "10.0.0.6", "fd00::6")
                .pair("pg-main", "mydb");
    }

    public Fleet primary(String name, String... addresses) {
        engine.apply(new RoutingCommand.PutServer(name, "Primary", null, List.of(addresses)));
        return this;
    }

    public Fleet replica(String name, String source, String... addresses) {
        engine.apply(new RoutingCommand.PutServer(name, "AsyncReplica", source, List.of(addresses)));
        return this;
    }

    public Fleet pair(String primary, String base, String... members) {
        engine.apply(new RoutingCommand.PutEndpoint(primary, base, "ReadWrite",
                members.length == 0 ? null : List.of(members)));
        return this;
    }

    /** The in-memory journal; a fleet on a running engine has none. */
    public MemoryChangeLog changeLog() {
        return changeLog;
    }

    public RoutingEngine engine() {
        return engine;
    }

    /** A document of {@code pairs} replication sets, a primary and a replica each. */
    public static RoutingCommand.ReplaceState imported(int pairs) {
        List<RoutingCommand.ImportedServer> servers = new ArrayList<>();
        List<RoutingCommand.ImportedEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String address = "10." + (i >> 8) + "." + (i & 255) + ".";
            servers.add(new RoutingCommand.ImportedServer("pg-" + i, "Primary", null, List.of(address + "1")));
            servers.add(new RoutingCommand.ImportedServer("pg-" + i + "-r", "AsyncReplica", "pg-" + i, List.of(address + "2")));
            endpoints.add(new RoutingCommand.ImportedEndpoint("pg-" + i, "db-" + i, "ReadWrite", List.of("pg-" + i + "-r")));
        }
        return new RoutingCommand.ReplaceState("postgres.internal.", servers, endpoints);
    }
}

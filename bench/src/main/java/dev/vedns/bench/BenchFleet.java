package dev.vedns.bench;

import dev.vedns.engine.ChangeLog;
import dev.vedns.engine.DurableState;
import dev.vedns.engine.JournalRecord;
import dev.vedns.engine.Loaded;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.zone.NameServer;
import dev.vedns.zone.ZoneSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The benchmarks' fleet in {@code pg.example.test.}: {@code pairs} sets of a primary {@code srv-p<i>}, one
 * replica {@code srv-r<i>} and the pair {@code ve-<i>}, plus {@code ve-pool}, a reader pooled over three replicas.
 */
final class BenchFleet {

    private BenchFleet() {
    }

    /** An engine holding the fleet, journaling nowhere: durability is not what the benchmarks measure. */
    static RoutingEngine engine(int pairs) {
        ZoneSettings settings = new ZoneSettings(Name.fromConstantString("pg.example.test."),
                Name.fromConstantString("hostmaster.pg.example.test."),
                List.of(new NameServer(Name.fromConstantString("ns1.pg.example.test."),
                        List.of(InetAddress.getLoopbackAddress()))),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofHours(1), ZoneSettings.REFRESH, ZoneSettings.RETRY, ZoneSettings.EXPIRE);
        RoutingEngine engine = new RoutingEngine(settings, new Loaded(DurableState.fresh(1), 0), 10, new Discard(),
                Integer.MAX_VALUE, RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
        List<RoutingCommand.ImportedServer> servers = new ArrayList<>();
        List<RoutingCommand.ImportedEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String primary = "srv-p" + i;
            String replica = "srv-r" + i;
            servers.add(new RoutingCommand.ImportedServer(primary, "Primary", null, List.of(address(2 * i))));
            servers.add(new RoutingCommand.ImportedServer(replica, "AsyncReplica", primary, List.of(address(2 * i + 1))));
            endpoints.add(new RoutingCommand.ImportedEndpoint(primary, "ve-" + i, "ReadWrite", null));
        }
        servers.add(new RoutingCommand.ImportedServer("srv-pool", "Primary", null, List.of("10.255.0.1")));
        for (int member = 1; member <= 3; member++) {
            servers.add(new RoutingCommand.ImportedServer("srv-pool-" + member, "AsyncReplica", "srv-pool",
                    List.of("10.255.0." + (member + 1))));
        }
        endpoints.add(new RoutingCommand.ImportedEndpoint("srv-pool", "ve-pool", "ReadWrite",
                List.of("srv-pool-1", "srv-pool-2", "srv-pool-3")));
        engine.apply(new RoutingCommand.ReplaceState("pg.example.test.", servers, endpoints));
        return engine;
    }

    private static String address(int n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static final class Discard implements ChangeLog {
        @Override
        public long append(JournalRecord record, long revision) {
            return revision + 1;
        }

        @Override
        public void checkpoint(DurableState state) {
        }
    }
}

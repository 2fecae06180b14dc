package dev.vedns.zone;

import dev.vedns.access.Token;
import dev.vedns.routing.CustomEndpoint;
import dev.vedns.routing.Mutation;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * Turns a routing table into the records DNS answers from: whole, at start or after an import, or by
 * updating only the names a change touched (the apex too, for the new serial), sharing all others with the
 * previous snapshot.
 */
public final class ZoneCompiler {

    /** Below this many mutations a change is always an update, so that small zones keep their IXFR history. */
    private static final int WHOLE_FROM = 1024;

    private final ZoneSettings settings;
    private final Name origin;
    private final Name writers;
    private final Name readers;
    private final Name customs;

    public ZoneCompiler(ZoneSettings settings) {
        this.settings = settings;
        this.origin = settings.origin();
        this.writers = ZoneNames.child("writer", origin);
        this.readers = ZoneNames.child("reader", origin);
        this.customs = ZoneNames.customs(origin);
    }

    /**
     * The whole zone. At 100,000 pairs this is most of the time to start, so the nodes are built on every
     * core, and each server's name is made once and shared by the CNAMEs that point at it.
     */
    public ZoneSnapshot compile(RoutingTable table, long serial) {
        List<Server> fleet = table.serversInAnyOrder();
        Map<String, ZoneNode> servers = fleet.parallelStream().collect(Collectors.toConcurrentMap(Server::name,
                this::server, (first, second) -> first, () -> new ConcurrentHashMap<>(fleet.size() * 4 / 3 + 1)));
        // Each pair's two names by index: a stream of two per pair made 21 MB of garbage per compile at 100,000.
        List<VirtualEndpoint> pairs = table.endpointsInAnyOrder();
        ZoneNode[] endpoints = new ZoneNode[pairs.size() * 2];
        IntStream.range(0, pairs.size()).parallel().forEach(i -> {
            endpoints[2 * i] = writer(pairs.get(i), servers);
            endpoints[2 * i + 1] = reader(pairs.get(i), servers);
        });
        List<ZoneNode> nodes = new ArrayList<>(servers.size() + endpoints.length + 4);
        nodes.add(apex(serial));
        nodes.addAll(nameServers());
        nodes.addAll(servers.values());
        nodes.addAll(Arrays.asList(endpoints));
        if (table.endpointCount() > 0) {
            nodes.add(emptyNonTerminal(writers));
            nodes.add(emptyNonTerminal(readers));
        }
        for (CustomEndpoint custom : table.customsInAnyOrder()) {
            nodes.add(custom(custom, servers));
        }
        if (table.customCount() > 0) {
            nodes.add(emptyNonTerminal(customs));
        }
        return new ZoneSnapshot(origin, soa(serial, seconds(settings.apexTtl())), negativeSoa(serial),
                new NameTable(nodes), null);
    }

    /**
     * The previous snapshot with the mutations' names rebuilt and a new serial; everything else is shared. A
     * change that touches most of the zone (an import) is compiled whole instead: on every core, and without
     * rebuilding each segment from a map; the transfer history then starts again from it.
     */
    public ZoneSnapshot update(ZoneSnapshot previous, RoutingTable table, List<Mutation> mutations, long serial) {
        if (mutations.size() >= WHOLE_FROM && mutations.size() * 2 > table.serverCount() + table.endpointCount()) {
            return compile(table, serial);
        }
        List<ZoneNode> puts = new ArrayList<>();
        List<Name> removes = new ArrayList<>();
        puts.add(apex(serial));
        Mutation.Visitor<Void> rebuild = new Mutation.Visitor<>() {
            @Override
            public Void putServer(Server server) {
                puts.add(server(server));
                return null;
            }

            @Override
            public Void removeServer(String name) {
                removes.add(ZoneNames.server(name, origin));
                return null;
            }

            @Override
            public Void putEndpoint(VirtualEndpoint endpoint) {
                puts.add(writer(endpoint, Map.of()));
                puts.add(reader(endpoint, Map.of()));
                return null;
            }

            @Override
            public Void removeEndpoint(String name) {
                removes.add(ZoneNames.writer(name, origin));
                removes.add(ZoneNames.reader(name, origin));
                return null;
            }

            @Override
            public Void putCustom(CustomEndpoint custom) {
                puts.add(custom(custom, Map.of()));
                return null;
            }

            @Override
            public Void removeCustom(String name) {
                removes.add(ZoneNames.custom(name, origin));
                return null;
            }

            @Override
            public Void putToken(Token token) {
                return null;
            }

            @Override
            public Void removeToken(String name) {
                return null;
            }
        };
        for (Mutation mutation : mutations) {
            mutation.accept(rebuild);
        }
        if (table.endpointCount() == 0) {
            removes.add(writers);
            removes.add(readers);
        } else if (previous.node(writers) == null) {
            puts.add(emptyNonTerminal(writers));
            puts.add(emptyNonTerminal(readers));
        }
        if (table.customCount() == 0) {
            removes.add(customs);
        } else if (previous.node(customs) == null) {
            puts.add(emptyNonTerminal(customs));
        }
        return new ZoneSnapshot(origin, soa(serial, seconds(settings.apexTtl())), negativeSoa(serial),
                previous.table().with(puts, removes), changedNames(puts, removes));
    }

    private static List<Name> changedNames(List<ZoneNode> puts, List<Name> removes) {
        List<Name> names = new ArrayList<>(puts.size() + removes.size());
        puts.forEach(node -> names.add(node.name()));
        names.addAll(removes);
        return names;
    }

    private ZoneNode apex(long serial) {
        long apexTtl = seconds(settings.apexTtl());
        List<Record> records = new ArrayList<>();
        records.add(soa(serial, apexTtl));
        for (NameServer server : settings.nameServers()) {
            records.add(new NSRecord(origin, DClass.IN, apexTtl, server.name()));
        }
        return node(origin, records);
    }

    /** The name servers inside the zone, with their addresses. */
    private List<ZoneNode> nameServers() {
        long apexTtl = seconds(settings.apexTtl());
        List<ZoneNode> nodes = new ArrayList<>();
        for (NameServer server : settings.nameServers()) {
            if (!server.addresses().isEmpty()) {
                List<Record> records = new ArrayList<>();
                for (InetAddress address : server.addresses()) {
                    records.add(addressRecord(server.name(), apexTtl, address));
                }
                nodes.add(node(server.name(), records));
            }
        }
        return nodes;
    }

    private ZoneNode server(Server server) {
        Name owner = ZoneNames.server(server.name(), origin);
        long ttl = seconds(settings.serverTtl());
        List<InetAddress> addresses = server.addresses();
        if (addresses.size() == 1) {
            // Most servers have one address: its RRset is made without any intermediate list.
            return new ZoneNode(owner, List.of(List.of(addressRecord(owner, ttl, addresses.get(0)))));
        }
        List<Record> records = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            records.add(addressRecord(owner, ttl, address));
        }
        return node(owner, records);
    }

    private ZoneNode writer(VirtualEndpoint endpoint, Map<String, ZoneNode> servers) {
        return cname(ZoneNames.child(endpoint.name(), writers), endpoint.primaryName(), servers);
    }

    private ZoneNode reader(VirtualEndpoint endpoint, Map<String, ZoneNode> servers) {
        return inTurn(ZoneNames.child(endpoint.name(), readers), endpoint.effectiveReaderTargets(), servers);
    }

    private ZoneNode custom(CustomEndpoint custom, Map<String, ZoneNode> servers) {
        return inTurn(ZoneNames.custom(custom.name(), origin), custom.effectiveTargets(), servers);
    }

    /** One CNAME for one target; a pool's name answers a CNAME to each of its targets in turn. */
    private ZoneNode inTurn(Name owner, List<String> targets, Map<String, ZoneNode> servers) {
        if (targets.size() == 1) {
            return cname(owner, targets.get(0), servers);
        }
        List<ZoneNode> members = new ArrayList<>(targets.size());
        for (String target : targets) {
            members.add(cname(owner, target, servers, settings.poolTtl()));
        }
        return ZoneNode.pool(owner, members);
    }

    private ZoneNode cname(Name owner, String target, Map<String, ZoneNode> servers) {
        return cname(owner, target, servers, settings.endpointTtl());
    }

    /** The CNAME's target is the server's own name object when {@code servers} has it, a new one otherwise. */
    private ZoneNode cname(Name owner, String target, Map<String, ZoneNode> servers, Duration ttl) {
        ZoneNode server = servers.get(target);
        Name targetName = server == null ? ZoneNames.server(target, origin) : server.name();
        return new ZoneNode(owner, List.of(List.of(new CNAMERecord(owner, DClass.IN, seconds(ttl), targetName))));
    }

    /** A name with nothing of its own but names below it (RFC 8020): NODATA, not NXDOMAIN. */
    private static ZoneNode emptyNonTerminal(Name name) {
        return new ZoneNode(name, List.of());
    }

    /** The records grouped into RRsets, in the order their types first appear. */
    private static ZoneNode node(Name owner, List<Record> records) {
        if (records.isEmpty() || oneType(records)) {
            return new ZoneNode(owner, records.isEmpty() ? List.of() : List.of(records));
        }
        Map<Integer, List<Record>> rrsets = new LinkedHashMap<>();
        for (Record record : records) {
            rrsets.computeIfAbsent(record.getType(), type -> new ArrayList<>()).add(record);
        }
        return new ZoneNode(owner, new ArrayList<>(rrsets.values()));
    }

    private static boolean oneType(List<Record> records) {
        int type = records.get(0).getType();
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).getType() != type) {
                return false;
            }
        }
        return true;
    }

    private SOARecord soa(long serial, long ttl) {
        return new SOARecord(origin, DClass.IN, ttl, settings.nameServer(), settings.hostmaster(), serial,
                seconds(settings.refresh()), seconds(settings.retry()), seconds(settings.expire()),
                seconds(settings.negativeTtl()));
    }

    /** The SOA for negative answers, its TTL capped at MINIMUM (RFC 2308 §3). */
    private SOARecord negativeSoa(long serial) {
        return soa(serial, Math.min(seconds(settings.apexTtl()), seconds(settings.negativeTtl())));
    }

    private static Record addressRecord(Name owner, long ttl, InetAddress address) {
        return address instanceof Inet4Address
                ? new ARecord(owner, DClass.IN, ttl, address)
                : new AAAARecord(owner, DClass.IN, ttl, address);
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }
}

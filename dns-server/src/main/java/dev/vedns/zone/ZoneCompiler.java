package dev.vedns.zone;

import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** Turns a routing table into the records DNS answers from. */
public final class ZoneCompiler {

    private static final long REFRESH = 3600;
    private static final long RETRY = 600;
    private static final long EXPIRE = 604800;

    private final ZoneSettings settings;

    public ZoneCompiler(ZoneSettings settings) {
        this.settings = settings;
    }

    public ZoneSnapshot compile(RoutingTable table, long serial) {
        Name origin = settings.origin();
        Map<Name, Map<Integer, List<Record>>> names = new HashMap<>();

        long negative = seconds(settings.negativeTtl());
        long apexTtl = seconds(settings.apexTtl());
        SOARecord soa = soa(serial, apexTtl, negative);
        add(names, soa);
        add(names, new NSRecord(origin, DClass.IN, apexTtl, settings.nameServer()));
        for (InetAddress address : settings.nsAddresses()) {
            add(names, addressRecord(settings.nameServer(), apexTtl, address));
        }

        long serverTtl = seconds(settings.serverTtl());
        for (Server server : table.servers()) {
            Name owner = ZoneNames.server(server.name(), origin);
            for (InetAddress address : server.addresses()) {
                add(names, addressRecord(owner, serverTtl, address));
            }
        }

        long endpointTtl = seconds(settings.endpointTtl());
        for (VirtualEndpoint endpoint : table.endpoints()) {
            add(names, new CNAMERecord(ZoneNames.writer(endpoint.name(), origin), DClass.IN, endpointTtl,
                    ZoneNames.server(endpoint.primaryName(), origin)));
            add(names, new CNAMERecord(ZoneNames.reader(endpoint.name(), origin), DClass.IN, endpointTtl,
                    ZoneNames.server(endpoint.readerTarget(), origin)));
        }

        addEmptyNonTerminals(names, origin);
        List<ZoneNode> nodes = new ArrayList<>(names.size());
        names.forEach((name, rrsets) -> nodes.add(new ZoneNode(name, rrsets, AnswerSlots.COUNT)));
        return new ZoneSnapshot(origin, soa, soa(serial, Math.min(apexTtl, negative), negative), nodes);
    }

    private SOARecord soa(long serial, long ttl, long minimum) {
        return new SOARecord(settings.origin(), DClass.IN, ttl, settings.nameServer(), settings.hostmaster(),
                serial, REFRESH, RETRY, EXPIRE, minimum);
    }

    /** Every name between a record's owner and the apex exists, even with no records (RFC 8020). */
    private static void addEmptyNonTerminals(Map<Name, Map<Integer, List<Record>>> names, Name origin) {
        for (Name owner : new ArrayList<>(names.keySet())) {
            for (int labels = owner.labels() - 1; labels > origin.labels(); labels--) {
                Name ancestor = new Name(owner, owner.labels() - labels);
                names.computeIfAbsent(ancestor, n -> new LinkedHashMap<>());
            }
        }
    }

    private static void add(Map<Name, Map<Integer, List<Record>>> names, Record record) {
        names.computeIfAbsent(record.getName(), n -> new LinkedHashMap<>())
                .computeIfAbsent(record.getType(), t -> new ArrayList<>())
                .add(record);
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

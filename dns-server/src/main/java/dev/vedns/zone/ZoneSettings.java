package dev.vedns.zone;

import java.time.Duration;
import java.util.List;
import dev.vedns.routing.Names;
import org.xbill.DNS.Name;

/**
 * What the zone is, beyond the routing table: its origin, the name server's addresses and the TTLs.
 *
 * @param origin        the zone apex, absolute, e.g. {@code postgres.internal.}
 * @param hostmaster    the SOA RNAME, absolute
 * @param nameServers   the apex NS RRset, in order (the first is the SOA's MNAME), with the addresses of those
 *                      inside the zone
 * @param endpointTtl   TTL of the writer/reader CNAMEs: short, so clients follow a switchover quickly
 * @param poolTtl       TTL of a pooled reader's CNAMEs: shorter, so caching resolvers do not pin one member
 * @param serverTtl     TTL of the servers' A/AAAA records
 * @param negativeTtl   SOA MINIMUM: how long resolvers may cache NXDOMAIN/NODATA (RFC 2308)
 * @param apexTtl       TTL of the SOA and NS records
 * @param refresh       SOA REFRESH: how often a secondary checks the serial
 * @param retry         SOA RETRY: how soon a secondary tries again after a failed check
 * @param expire        SOA EXPIRE: how long a secondary serves the zone without reaching vedns
 */
public record ZoneSettings(Name origin, Name hostmaster, List<NameServer> nameServers, Duration endpointTtl,
                           Duration poolTtl, Duration serverTtl, Duration negativeTtl, Duration apexTtl,
                           Duration refresh, Duration retry, Duration expire) {

    /** The SOA timers of RFC 1912's advice for a zone that changes often: 1 hour, 10 minutes, a week. */
    public static final Duration REFRESH = Duration.ofHours(1);
    public static final Duration RETRY = Duration.ofMinutes(10);
    public static final Duration EXPIRE = Duration.ofDays(7);

    public ZoneSettings {
        if (!origin.isAbsolute() || !hostmaster.isAbsolute()) {
            throw new IllegalArgumentException("zone origin and hostmaster must be absolute names");
        }
        nameServers = List.copyOf(nameServers);
        if (nameServers.isEmpty()) {
            throw new IllegalArgumentException("the zone needs at least one name server");
        }
        for (NameServer server : nameServers) {
            boolean inside = server.name().subdomain(origin);
            if (inside && server.addresses().isEmpty()) {
                throw new IllegalArgumentException("name server " + server.name() + " is inside the zone: give its"
                        + " addresses");
            }
            if (!inside && !server.addresses().isEmpty()) {
                throw new IllegalArgumentException("name server " + server.name() + " is outside the zone: its"
                        + " addresses are its own zone's to publish");
            }
            if (inside && !Names.NAME_SERVERS.contains(server.name().relativize(origin).toString())) {
                throw new IllegalArgumentException("name server " + server.name() + ": inside the zone a name server"
                        + " is one of " + String.join(", ", Names.NAME_SERVERS.stream().sorted().toList())
                        + ", the labels kept for it");
            }
        }
    }

    /** The name server host the SOA and NS records name. */
    public Name nameServer() {
        return nameServers.get(0).name();
    }
}

package dev.vedns.zone;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * What the zone is, beyond the routing table: its origin, the name server's addresses and the TTLs.
 *
 * @param origin        the zone apex, absolute, e.g. {@code postgres.internal.}
 * @param hostmaster    the SOA RNAME, absolute
 * @param nsAddresses   A/AAAA of {@code ns1.<zone>}, the only NS
 * @param endpointTtl   TTL of the writer/reader CNAMEs: short, so clients follow a switchover quickly
 * @param poolTtl       TTL of a pooled reader's CNAMEs: shorter, so caching resolvers do not pin one member
 * @param serverTtl     TTL of the servers' A/AAAA records
 * @param negativeTtl   SOA MINIMUM: how long resolvers may cache NXDOMAIN/NODATA (RFC 2308)
 * @param apexTtl       TTL of the SOA and NS records
 * @param refresh       SOA REFRESH: how often a secondary checks the serial
 * @param retry         SOA RETRY: how soon a secondary tries again after a failed check
 * @param expire        SOA EXPIRE: how long a secondary serves the zone without reaching vedns
 */
public record ZoneSettings(Name origin, Name hostmaster, List<InetAddress> nsAddresses, Duration endpointTtl,
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
        nsAddresses = List.copyOf(nsAddresses);
    }

    /** The name server host the SOA and NS records name. */
    public Name nameServer() {
        return ZoneNames.child("ns1", origin);
    }
}

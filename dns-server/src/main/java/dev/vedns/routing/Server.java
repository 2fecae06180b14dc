package dev.vedns.routing;

import java.net.InetAddress;
import java.util.List;

/**
 * A PostgreSQL server as the zone knows it.
 *
 * @param sourceServerName the primary a replica replicates from; null for a primary
 * @param addresses        published as A/AAAA records at {@code <name>.<zone>}, in the order given
 * @param probe            how health probes look at it; null for the configured default
 */
public record Server(String name, ReplicationRole role, String sourceServerName, List<InetAddress> addresses,
                     ServerProbe probe) {

    public Server {
        addresses = List.copyOf(addresses);
    }

    public Server(String name, ReplicationRole role, String sourceServerName, List<InetAddress> addresses) {
        this(name, role, sourceServerName, addresses, null);
    }

    public boolean isPrimary() {
        return role == ReplicationRole.Primary;
    }

    /** The primary of this server's replication set: itself, or the server it replicates from. */
    public String primaryName() {
        return isPrimary() ? name : sourceServerName;
    }

    /** The same server in another role; the role changes only by promotion. */
    public Server withRole(ReplicationRole newRole, String newSource) {
        return new Server(name, newRole, newSource, addresses, probe);
    }

    public Server withAddresses(List<InetAddress> newAddresses, ServerProbe newProbe) {
        return new Server(name, role, sourceServerName, newAddresses, newProbe);
    }
}

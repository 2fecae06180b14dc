package dev.vedns.zone;

import java.net.InetAddress;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * One name server of the zone's NS RRset: its name, and when it is inside the zone the addresses published for
 * it (the glue a secondary or a resolver needs to reach it).
 */
public record NameServer(Name name, List<InetAddress> addresses) {

    public NameServer {
        addresses = List.copyOf(addresses);
    }
}

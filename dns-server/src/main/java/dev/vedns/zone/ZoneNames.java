package dev.vedns.zone;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** The owner names vedns publishes, derived from the routing names in one place. */
public final class ZoneNames {

    private ZoneNames() {
    }

    public static Name server(String serverName, Name origin) {
        return child(serverName, origin);
    }

    public static Name writer(String endpointName, Name origin) {
        return child(endpointName, child("writer", origin));
    }

    public static Name reader(String endpointName, Name origin) {
        return child(endpointName, child("reader", origin));
    }

    public static Name custom(String customName, Name origin) {
        return child(customName, customs(origin));
    }

    /** The parent of every custom endpoint's name: {@code custom.<zone>}. */
    public static Name customs(Name origin) {
        return child("custom", origin);
    }

    /** The name as users write it in connection strings: no trailing dot. */
    public static String fqdn(Name name) {
        return name.toString(true);
    }

    /** One label under {@code parent}, parsed straight onto it (a zone load makes hundreds of thousands). */
    public static Name child(String label, Name parent) {
        if (label.isEmpty() || label.indexOf('.') >= 0 || label.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not a valid DNS label: " + label);
        }
        try {
            return new Name(label, parent);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a valid DNS label: " + label, e);
        }
    }
}

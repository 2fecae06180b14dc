package dev.vedns.routing;

import java.util.Set;
import java.util.regex.Pattern;

/** The naming rule shared by servers and virtual endpoint base names: one DNS label, as Azure allows. */
public final class Names {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]");

    /** The labels a name server inside the zone may have ({@code vedns.ns}). */
    public static final Set<String> NAME_SERVERS = Set.of("ns1", "ns2", "ns3", "ns4", "ns5", "ns6", "ns7", "ns8", "ns9");

    /** Labels the zone itself uses; a server or endpoint by these names would shadow them. */
    private static final Set<String> RESERVED = Set.of("writer", "reader", "custom", "ns1", "ns2", "ns3", "ns4", "ns5",
            "ns6", "ns7", "ns8", "ns9");

    private Names() {
    }

    /** Returns the broken rule for {@code field}, or null when {@code name} is acceptable. */
    public static FieldError check(String field, String name) {
        if (name == null || name.isEmpty()) {
            return new FieldError(field, "required", field + " is required.");
        }
        if (!LABEL.matcher(name).matches()) {
            return new FieldError(field, "pattern", field + " '" + name + "' must be 3-63 characters of"
                    + " lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
        }
        if (RESERVED.contains(name)) {
            return new FieldError(field, "reserved", field + " '" + name + "' is reserved by the zone"
                    + " (reserved: " + String.join(", ", RESERVED.stream().sorted().toList()) + ").");
        }
        return null;
    }
}

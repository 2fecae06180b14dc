package dev.vedns.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Address;

/** Parses IPv4/IPv6 literals without ever asking a resolver (InetAddress.getByName would). */
public final class AddressLiterals {

    private AddressLiterals() {
    }

    /** The address written as {@code text}, or null when it is not a plain IPv4 or IPv6 literal. */
    public static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = Address.toByteArray(text, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(text, Address.IPv6);
        }
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The addresses of a list field, each error named {@code field[i]}; at least one address is required. */
    static List<InetAddress> parseList(String field, List<String> texts, List<FieldError> errors) {
        if (texts == null || texts.isEmpty()) {
            errors.add(new FieldError(field, "required", field + " must list at least one IPv4 or IPv6 address."));
            return List.of();
        }
        List<InetAddress> addresses = new ArrayList<>();
        Set<InetAddress> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String item = field + "[" + i + "]";
            InetAddress address = parse(texts.get(i));
            if (address == null) {
                errors.add(new FieldError(item, "ipAddress", item + " '" + texts.get(i) + "' is not an IPv4 or IPv6 address."));
            } else if (!seen.add(address)) {
                errors.add(new FieldError(item, "unique", item + " '" + texts.get(i) + "' is listed twice."));
            } else {
                addresses.add(address);
            }
        }
        return addresses;
    }
}

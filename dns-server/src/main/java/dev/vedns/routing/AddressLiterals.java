package dev.vedns.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
}

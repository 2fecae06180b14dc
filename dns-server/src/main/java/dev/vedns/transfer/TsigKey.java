package dev.vedns.transfer;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A shared secret that signs transfers and the queries that lead to them (RFC 8945).
 *
 * @param name      the key's name, as the secondaries know it, e.g. {@code xfr-key.}
 * @param algorithm {@code hmac-sha256} or {@code hmac-sha512}
 * @param secret    the key, base64; never logged
 */
public record TsigKey(String name, String algorithm, String secret) {

    public TsigKey {
        if (!algorithm.equalsIgnoreCase("hmac-sha256") && !algorithm.equalsIgnoreCase("hmac-sha512")) {
            throw new IllegalArgumentException("TSIG key " + name + ": algorithm must be hmac-sha256 or hmac-sha512");
        }
    }

    /** The key's name as an absolute DNS name. */
    public Name dnsName() {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException bad) {
            throw new IllegalArgumentException("TSIG key name '" + name + "' is not a DNS name", bad);
        }
    }

    TSIG tsig() {
        return new TSIG(TSIG.algorithmToName(algorithm.toLowerCase(Locale.ROOT)), dnsName(), secret);
    }

    @Override
    public String toString() {
        return "TsigKey[" + name + ", " + algorithm + "]";
    }
}

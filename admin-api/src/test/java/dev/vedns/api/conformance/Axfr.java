package dev.vedns.api.conformance;

import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.ZoneTransferIn;

/** The TSIG key the conformance tests transfer with, and a whole zone as one AXFR gives it, as record lines. */
final class Axfr {

    static final String KEY = "xfr-key.";
    static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";

    private Axfr() {
    }

    /** The zone as an AXFR from 127.0.0.1 at {@code port}, signed with the key, gives it; as a set, order aside. */
    static Set<String> of(String zone, int port) throws Exception {
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(Name.fromConstantString(zone), "127.0.0.1", port,
                new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString(KEY), SECRET));
        transfer.run();
        Set<String> lines = new TreeSet<>();
        transfer.getAXFR().forEach(record -> lines.add(record.toString()));
        return lines;
    }
}

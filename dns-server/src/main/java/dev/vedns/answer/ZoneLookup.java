package dev.vedns.answer;

import dev.vedns.zone.ZoneNode;
import dev.vedns.zone.ZoneSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Resolves one in-zone question against a snapshot, following CNAMEs that stay inside the zone. */
final class ZoneLookup {

    /** Our chains are one CNAME long; the bound only guards against a future loop. */
    private static final int MAX_CHAIN = 8;

    private ZoneLookup() {
    }

    /** @param pinned the node to answer {@code qname} from, or null for the zone's own (in turn, for a pool) */
    static LookupResult lookup(ZoneSnapshot zone, Name qname, int qtype, ZoneNode pinned) {
        List<Record> answer = new ArrayList<>(4);
        Name name = qname;
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            ZoneNode node = hop == 0 && pinned != null ? pinned : zone.node(name);
            if (node != null) {
                node = node.inTurn();
            }
            if (node == null) {
                // RFC 6604: the rcode speaks of the last name in the chain.
                return negative(zone, Rcode.NXDOMAIN, answer);
            }
            List<Record> cname = node.rrset(Type.CNAME);
            if (cname != null && qtype != Type.CNAME) {
                answer.addAll(cname);
                name = ((CNAMERecord) cname.get(0)).getTarget();
                if (!name.subdomain(zone.origin())) {
                    return positive(zone, answer);
                }
                continue;
            }
            List<Record> found = qtype == Type.ANY ? node.all() : node.rrset(qtype);
            if (found == null || found.isEmpty()) {
                return negative(zone, Rcode.NOERROR, answer);
            }
            answer.addAll(found);
            return positive(zone, answer);
        }
        return positive(zone, answer);
    }

    private static LookupResult positive(ZoneSnapshot zone, List<Record> answer) {
        return new LookupResult(Rcode.NOERROR, answer, List.of(), additional(zone, answer));
    }

    private static LookupResult negative(ZoneSnapshot zone, int rcode, List<Record> answer) {
        return new LookupResult(rcode, answer, List.of(zone.negativeSoa()), List.of());
    }

    /** RFC 1034 §4.3.2 step 6: the in-zone addresses of the name servers an answer names. */
    private static List<Record> additional(ZoneSnapshot zone, List<Record> answer) {
        List<Record> additional = List.of();
        for (Record record : answer) {
            if (record instanceof NSRecord ns) {
                ZoneNode target = zone.node(ns.getTarget());
                if (target != null) {
                    additional = new ArrayList<>(additional);
                    addIfPresent(additional, target.rrset(Type.A));
                    addIfPresent(additional, target.rrset(Type.AAAA));
                }
            }
        }
        return additional;
    }

    private static void addIfPresent(List<Record> section, List<Record> rrset) {
        if (rrset != null) {
            section.addAll(rrset);
        }
    }
}

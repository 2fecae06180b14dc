package dev.vedns.zone;

import io.netty.util.NetUtil;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Renders a snapshot as a standard master file (RFC 1035 §5): {@code $ORIGIN}, the SOA first, then the apex
 * NS, then every other name in canonical order; one record per line with explicit TTL and class.
 */
public final class ZoneFile {

    private ZoneFile() {
    }

    public static String render(ZoneSnapshot zone) {
        StringBuilder out = new StringBuilder(4096);
        out.append("; vedns zone ").append(zone.origin()).append(" serial ").append(zone.serial()).append('\n');
        out.append("$ORIGIN ").append(zone.origin()).append('\n');
        ZoneNode apex = zone.node(zone.origin());
        appendRrset(out, apex.rrset(Type.SOA));
        appendRrset(out, apex.rrset(Type.NS));
        for (Record record : apex.all()) {
            if (record.getType() != Type.SOA && record.getType() != Type.NS) {
                appendLine(out, record);
            }
        }
        for (ZoneNode node : zone.nodesInCanonicalOrder()) {
            if (node == apex) {
                continue;
            }
            List<ZoneNode> alternatives = node.alternatives();
            for (Record record : alternatives.get(0).all()) {
                appendLine(out, record);
            }
            // A name may hold one CNAME: a pool's other members, which DNS answers in turn, are noted only.
            for (ZoneNode alternative : alternatives.subList(1, alternatives.size())) {
                for (Record record : alternative.all()) {
                    out.append("; in turn: ");
                    appendLine(out, record);
                }
            }
        }
        return out.toString();
    }

    private static void appendRrset(StringBuilder out, List<Record> records) {
        if (records != null) {
            records.forEach(record -> appendLine(out, record));
        }
    }

    /** dnsjava writes IPv6 uncompressed; the RFC 5952 form is what people read and grep for. */
    private static void appendLine(StringBuilder out, Record record) {
        if (record instanceof AAAARecord aaaa) {
            out.append(aaaa.getName()).append('\t').append(aaaa.getTTL()).append("\tIN\tAAAA\t")
                    .append(NetUtil.toAddressString(aaaa.getAddress()));
        } else {
            out.append(record);
        }
        out.append('\n');
    }
}

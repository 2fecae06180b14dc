package dev.vedns.api.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The differential's allow-lists: for each peer (Knot as the reference, NSD and BIND as secondaries), the kinds
 * of query where its answer may differ from vedns's, the RFC that permits the difference, and the shape the
 * difference must have (any other difference on the same kind still fails). docs/conformance.md explains each.
 * Shapes read {@link Normalized} text: an opcode, rcode and flags line, then the sections {@code qd:},
 * {@code an:}, {@code au:}, {@code ad:} and the OPT line.
 */
final class Allowances {

    /** A kind of query ({@link #EVERY_KIND} for all), why the difference is allowed, and its shape. */
    record Allowance(String kind, String reason, BiPredicate<String, String> shape) {
        boolean covers(String probeKind) {
            return kind.equals(EVERY_KIND) || kind.equals(probeKind);
        }
    }

    static final String EVERY_KIND = "*";

    private static final String SECONDARY_TAKES_NOTIFY = "RFC 1996 §3.7 and §4.7: a secondary answers a NOTIFY"
            + " (NOERROR from a source it accepts, else REFUSED, or NXDOMAIN outside its zones); vedns, a primary,"
            + " implements none (NOTIMP)";

    static final List<Allowance> KNOT = List.of(
            new Allowance("ANY", "RFC 8482 §4: an ANY answer may hold all RRsets, a subset or one; vedns gives all,"
                    + " and follows an endpoint's CNAME (issue 2), Knot gives one",
                    (ours, theirs) -> rcode(ours).equals(rcode(theirs))),
            new Allowance("garbage", "RFC 1035 §4.1.1: FORMERR, the server could not interpret the query; Knot drops"
                    + " it silently", Allowances::formerrWhereThePeerIsSilent),
            new Allowance("truncated", "RFC 1035 §4.1.1, as for garbage", Allowances::formerrWhereThePeerIsSilent),
            new Allowance("qdcount 2", "RFC 9619 §4: QDCOUNT > 1 with OPCODE QUERY is a format error; Knot drops it",
                    Allowances::formerrWhereThePeerIsSilent),
            new Allowance("opcode NOTIFY", "RFC 1035 §4.1.1: NOTIMP, vedns does not implement NOTIFY (it is no"
                    + " secondary); Knot answers NOTAUTH", (ours, theirs) -> rcode(ours).equals("NOTIMP")
                    && rcode(theirs).equals("NOTAUTH")),
            new Allowance("transfer", "RFC 5936 §4.2 and vedns.transfer.allow: a transfer vedns may not give is"
                    + " REFUSED, as its configuration says (NOTAUTH below the apex); a Knot without the client in its"
                    + " ACL answers NOTAUTH", (ours, theirs) -> (rcode(ours).equals("REFUSED")
                    || rcode(ours).equals("NOTAUTH")) && rcode(theirs).equals("NOTAUTH")),
            new Allowance("opcode UPDATE", "RFC 1035 §4.1.1 and RFC 2136 §3: NOTIMP, vedns does not implement"
                    + " dynamic update; Knot answers NOTAUTH", (ours, theirs) -> rcode(ours).equals("NOTIMP")
                    && rcode(theirs).equals("NOTAUTH")));

    /** Knot's entries, and where NSD, as a secondary with {@code minimal-responses: yes}, chooses otherwise. */
    static final List<Allowance> NSD = with(KNOT,
            new Allowance("class ANY", "RFC 1035 §4.1.1: AA says the server is an authority for the question; for"
                    + " QCLASS * NSD does not claim it and leaves the SOA out of NODATA, vedns answers from the IN data"
                    + " as Knot does",
                    (ours, theirs) -> rcode(ours).equals(rcode(theirs)) && !flags(theirs).contains("aa")
                            && section(ours, "an").equals(section(theirs, "an"))),
            new Allowance("opcode STATUS", "RFC 1035 §4.1.1: NOTIMP; NSD sends it without the question",
                    Allowances::sameRcodeWithoutTheQuestion),
            new Allowance("opcode UPDATE", "RFC 1035 §4.1.1: NOTIMP; NSD sends it without the question",
                    Allowances::sameRcodeWithoutTheQuestion),
            new Allowance("opcode NOTIFY", SECONDARY_TAKES_NOTIFY, Allowances::notifyAnsweredByASecondary),
            new Allowance("qdcount 0", "RFC 1035 §4.1.1 leaves a query without a question to the server: vedns"
                    + " answers FORMERR, NSD NOERROR (over TCP, nothing)",
                    (ours, theirs) -> rcode(ours).equals("FORMERR")
                            && (rcode(theirs).equals("NOERROR") || theirs.equals("no response"))));

    /**
     * Knot's entries, and where BIND, as a secondary with {@code minimal-responses yes}, chooses otherwise.
     */
    static final List<Allowance> BIND = with(KNOT,
            new Allowance(EVERY_KIND, "RFC 4343 §4.1: the question echoes the query's case; BIND writes the other"
                    + " names in the zone's case, vedns and Knot in the query's",
                    (ours, theirs) -> section(ours, "qd").equals(section(theirs, "qd"))
                            && ours.equalsIgnoreCase(theirs)),
            new Allowance("missing", "RFC 2308 §5 (the negative TTL is the SOA's MINIMUM or less): BIND gives the SOA"
                    + " in a negative answer to an SOA query a TTL of 0", (ours, theirs) -> rcode(ours)
                    .equals(rcode(theirs)) && theirs.contains("\t0\tIN\tSOA\t")
                    && soaTtlAside(ours).equalsIgnoreCase(soaTtlAside(theirs))),
            new Allowance("class ANY", "RFC 1035 §4.1.1: FORMERR; BIND takes QCLASS * for meta queries only, vedns"
                    + " answers from the IN data as Knot does", (ours, theirs) -> rcode(theirs).equals("FORMERR")),
            new Allowance("garbage", "RFC 1035 §4.1.1: FORMERR both; BIND echoes the CD bit of whatever it read",
                    (ours, theirs) -> rcode(ours).equals("FORMERR") && rcode(theirs).equals("FORMERR")),
            new Allowance("outside", "RFC 8914 §3: an Extended DNS Error is optional; BIND's REFUSED has none",
                    (ours, theirs) -> ours.replace("options=15 ", "options=").equals(theirs)),
            new Allowance(EVERY_KIND, "RFC 2181 §9: a truncated answer is retried over TCP, whatever it holds; BIND"
                    + " keeps the part of an RRset that fits, vedns and Knot whole RRsets only",
                    (ours, theirs) -> flags(ours).contains(" tc") && flags(theirs).contains(" tc")
                            && rcode(ours).equals(rcode(theirs))
                            && section(ours, "qd").equals(section(theirs, "qd"))),
            new Allowance("class CH", "RFC 1035 §4.1.1: REFUSED over TCP; over UDP BIND drops a query of a class"
                    + " it has no view for, where vedns and Knot answer REFUSED (as RFC 8906 §3 would have it)",
                    (ours, theirs) -> rcode(ours).equals("REFUSED") && theirs.equals("no response")),
            new Allowance("opcode STATUS", "RFC 1035 §4.1.1: NOTIMP; BIND sends it without the question",
                    Allowances::sameRcodeWithoutTheQuestion),
            new Allowance("opcode NOTIFY", SECONDARY_TAKES_NOTIFY, Allowances::notifyAnsweredByASecondary),
            new Allowance("opcode UPDATE", "RFC 2136 §3: a secondary that forwards no update REFUSES it; vedns"
                    + " implements none (NOTIMP)", (ours, theirs) -> rcode(ours).equals("NOTIMP")
                    && rcode(theirs).equals("REFUSED")),
            new Allowance("transfer", "RFC 5936 §4.2 and RFC 1995 §2: a transfer over UDP or below the apex is"
                    + " refused; BIND answers FORMERR, NOTAUTH or REFUSED, vedns NOTIMP, REFUSED or NOTAUTH",
                    (ours, theirs) -> Set.of("NOTIMP", "REFUSED", "NOTAUTH").contains(rcode(ours))
                            && Set.of("FORMERR", "NOTAUTH", "REFUSED").contains(rcode(theirs))));

    private Allowances() {
    }

    private static List<Allowance> with(List<Allowance> base, Allowance... more) {
        List<Allowance> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static String rcode(String normalized) {
        String[] words = normalized.split(" ");
        return words.length > 1 ? words[1] : normalized;
    }

    private static String flags(String normalized) {
        String first = normalized.split("\n", 2)[0];
        int at = first.indexOf("flags:");
        return at < 0 ? "" : first.substring(at);
    }

    /** The lines of one section ({@code qd}, {@code an}, {@code au} or {@code ad}), without its heading. */
    private static List<String> section(String normalized, String name) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : normalized.split("\n")) {
            if (!line.startsWith("  ")) {
                inside = line.equals(name + ":");
            } else if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String soaTtlAside(String normalized) {
        return normalized.replaceAll("(?m)^(  \\S+\\t)\\d+(\\tIN\\tSOA\\t)", "$1-$2");
    }

    private static boolean formerrWhereThePeerIsSilent(String ours, String theirs) {
        return rcode(ours).equals("FORMERR") && theirs.equals("no response");
    }

    private static boolean notifyAnsweredByASecondary(String ours, String theirs) {
        return rcode(ours).equals("NOTIMP") && Set.of("NOERROR", "REFUSED", "NXDOMAIN").contains(rcode(theirs));
    }

    private static boolean sameRcodeWithoutTheQuestion(String ours, String theirs) {
        return rcode(ours).equals(rcode(theirs)) && section(theirs, "qd").isEmpty();
    }
}

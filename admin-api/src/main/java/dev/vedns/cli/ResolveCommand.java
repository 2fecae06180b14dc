package dev.vedns.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.netty.util.NetUtil;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vedns resolve NAME}: asks the vedns DNS server itself (not the system resolver and its caches) and
 * prints the answer's chain, e.g. {@code mydb.writer.postgres.internal → pg-main.postgres.internal → 10.0.0.5}.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Ask the vedns DNS server for a name and print the chain it answers.",
                "Exits 1 when the answer is not NOERROR (NXDOMAIN, REFUSED, ...)."},
        footer = {"%nExamples:", "  vedns resolve mydb.writer.postgres.internal",
                "  vedns resolve mydb.reader.postgres.internal --type AAAA --dns 127.0.0.1:8053 -o json"})
final class ResolveCommand implements Runnable {

    static final String DEFAULT_DNS = "127.0.0.1:8053";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final CliIo io;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name to resolve.")
    String name;

    @Option(names = {"--type", "-t"}, defaultValue = "A", description = "The record type (default: A).")
    String type;

    @Option(names = "--dns", paramLabel = "HOST:PORT",
            description = "The vedns DNS server (default: $VEDNS_DNS, else " + DEFAULT_DNS + ").")
    String dns;

    @Option(names = {"--output", "-o"}, paramLabel = "FORMAT",
            description = "The chain as text (default), or json, table, tsv.")
    Format output;

    ResolveCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public void run() {
        int qtype = Type.value(type.toUpperCase(Locale.ROOT));
        if (qtype < 0) {
            throw CliFailure.usage("'" + type + "' is not a DNS record type");
        }
        Name qname;
        try {
            qname = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw CliFailure.usage("'" + name + "' is not a valid DNS name: " + e.getMessage());
        }
        String server = dns != null ? dns : io.env().getOrDefault("VEDNS_DNS", DEFAULT_DNS);
        Message response = ask(server, qname, qtype);
        List<String> chain = new ArrayList<>(List.of(qname.toString(true)));
        Name current = qname;
        List<Record> answers = response.getSection(Section.ANSWER);
        for (int hop = 0; hop < answers.size(); hop++) {
            CNAMERecord alias = cnameOf(answers, current);
            if (alias == null || qtype == Type.CNAME) {
                break;
            }
            current = alias.getTarget();
            chain.add(current.toString(true));
        }
        List<String> values = new ArrayList<>();
        for (Record record : answers) {
            if (record.getType() == qtype && record.getName().equals(current)) {
                values.add(text(record));
            }
        }
        print(response.getRcode(), qtype, chain, values);
        if (response.getRcode() != Rcode.NOERROR) {
            throw CliFailure.quiet(CliFailure.REFUSED);
        }
    }

    private void print(int rcode, int qtype, List<String> chain, List<String> values) {
        if (output == null) {
            String end = !values.isEmpty() ? " → " + String.join(", ", values)
                    : rcode != Rcode.NOERROR ? " (" + Rcode.string(rcode) + ")" : " (no " + Type.string(qtype) + " records)";
            io.out().println(String.join(" → ", chain) + end);
            io.out().flush();
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", chain.get(0));
        result.put("type", Type.string(qtype));
        result.put("rcode", Rcode.string(rcode));
        result.put("chain", chain);
        result.put("answers", values);
        new Output(io.out(), output).print(result, List.of(new Column("Name", "name"), new Column("Type", "type"),
                new Column("Rcode", "rcode"), new Column("Chain", "chain"), new Column("Answers", "answers")));
    }

    /** Addresses as the API and dig write them (RFC 5952: fd00::6), names without the final dot. */
    private static String text(Record record) {
        if (record instanceof ARecord address) {
            return NetUtil.toAddressString(address.getAddress());
        }
        if (record instanceof AAAARecord address) {
            return NetUtil.toAddressString(address.getAddress());
        }
        if (record instanceof CNAMERecord alias) {
            return alias.getTarget().toString(true);
        }
        return record.rdataToString();
    }

    private static CNAMERecord cnameOf(List<Record> answers, Name owner) {
        for (Record record : answers) {
            if (record instanceof CNAMERecord alias && record.getName().equals(owner)) {
                return alias;
            }
        }
        return null;
    }

    private static Message ask(String server, Name qname, int qtype) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || colon == server.length() - 1) {
            throw CliFailure.usage("--dns '" + server + "' is not HOST:PORT");
        }
        String host = server.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--dns '" + server + "': the port is not a number");
        }
        try {
            SimpleResolver resolver = new SimpleResolver(host);
            resolver.setPort(port);
            resolver.setTimeout(TIMEOUT);
            return resolver.send(Message.newQuery(Record.newRecord(qname, qtype, DClass.IN)));
        } catch (IOException e) {
            throw CliFailure.unreachableDns(server, e);
        }
    }
}

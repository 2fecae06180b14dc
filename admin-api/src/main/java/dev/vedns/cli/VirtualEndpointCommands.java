package dev.vedns.cli;

import static dev.vedns.cli.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns virtual-endpoint ...}: the writer/reader pair of a replication set, as {@code az} has it. */
@Command(name = "virtual-endpoint", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage the virtual endpoints (a writer and a reader name) of a replication set.")
final class VirtualEndpointCommands {

    static final List<Column> COLUMNS = List.of(new Column("Name", "name"), new Column("ServerName", "serverName"),
            new Column("EndpointType", "endpointType"), new Column("Members", "members"),
            new Column("Writer", "writer.fqdn"), new Column("WriterTarget", "writer.target"),
            new Column("Reader", "reader.fqdn"), new Column("ReaderTarget", "reader.target"),
            new Column("ReaderAnswers", "reader.effectiveTarget"));

    private final CliIo io;

    VirtualEndpointCommands(CliIo io) {
        this.io = io;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the pair: <name>.writer.<zone> on the primary, <name>.reader.<zone> on --members "
                    + "(default: a replica, or the primary when it has none).",
            footer = {"%nExample:", "  vedns virtual-endpoint create -s pg-main -n mydb -t ReadWrite -m pg-replica-1"})
    void create(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "The base name of the pair.") String name,
                @Option(names = {"--endpoint-type", "-t"}, defaultValue = "ReadWrite",
                        description = "ReadWrite, the only type (default).") String type,
                @Option(names = {"--members", "-m"}, description = "The reader's target: the primary or a replica;"
                        + " repeat for a pool, which DNS answers one member at a time, in turn.") List<String> members,
                @Option(names = "--writer-follows-observed-primary", description = "Let the health probes move the"
                        + " writer to a replica they see promoted elsewhere (default: only a promotion moves it).")
                boolean follows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpointType", type);
        if (members != null) {
            body.put("members", members);
        }
        if (follows) {
            body.put("writerFollowsObservedPrimary", true);
        }
        client.output(io).print(client.api(io).send("PUT", path(server, name), body), COLUMNS);
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Point the reader at another server of the set, or let the writer follow the observed primary"
                    + " (or no longer); otherwise the writer follows promotions made through vedns.",
            footer = {"%nExamples:", "  vedns virtual-endpoint update -s pg-main -n mydb -m pg-main",
                    "  vedns virtual-endpoint update -s pg-main -n mydb --writer-follows-observed-primary"})
    void update(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "The base name of the pair.") String name,
                @Option(names = {"--endpoint-type", "-t"}, description = "ReadWrite, the only type.") String type,
                @Option(names = {"--members", "-m"}, description = "The reader's new target; repeat for a pool.")
                List<String> members,
                @Option(names = "--writer-follows-observed-primary", negatable = true,
                        description = "Whether the health probes may move the writer to a replica they see promoted"
                                + " elsewhere.") Boolean follows) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (type != null) {
            body.put("endpointType", type);
        }
        if (members != null) {
            body.put("members", members);
        }
        if (follows != null) {
            body.put("writerFollowsObservedPrimary", follows);
        }
        client.output(io).print(client.api(io).send("PATCH", path(server, name), body), COLUMNS);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the pair and where each name points.",
            footer = {"%nExample:", "  vedns virtual-endpoint show -s pg-main -n mydb -o table"})
    void show(@Mixin ClientOptions client,
              @Option(names = {"--server-name", "-s"}, required = true, description = "Any server of the set.") String server,
              @Option(names = {"--name", "-n"}, required = true, description = "The base name of the pair.") String name) {
        client.output(io).print(client.api(io).get(path(server, name)), COLUMNS);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the pair of a server's set (at most one).",
            footer = {"%nExample:", "  vedns virtual-endpoint list -s pg-main -o tsv"})
    void list(@Mixin ClientOptions client,
              @Option(names = {"--server-name", "-s"}, required = true, description = "Any server of the set.") String server,
              @Mixin PrefixOption prefix) {
        client.output(io).print(client.api(io).all(collection(server) + prefix.query()), COLUMNS);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete the pair: both names stop resolving (NXDOMAIN). Asks first unless --yes.",
            footer = {"%nExample:", "  vedns virtual-endpoint delete -s pg-main -n mydb --yes"})
    void delete(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "The base name of the pair.") String name,
                @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        Confirmation.require(io, yes, "the virtual endpoints '" + name + "' of '" + server + "'");
        client.api(io).delete(path(server, name));
    }

    private static String collection(String server) {
        return "/api/v1/servers/" + segment(server) + "/virtual-endpoints";
    }

    private static String path(String server, String name) {
        return collection(server) + "/" + segment(name);
    }
}

package dev.vedns.cli;

import static dev.vedns.cli.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns server ...}: the PostgreSQL servers, primaries and their replicas, with their addresses. */
@Command(name = "server", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Register and manage PostgreSQL servers: primaries and their read replicas.")
final class ServerCommands {

    static final List<Column> COLUMNS = List.of(new Column("Name", "name"), new Column("Role", "replicationRole"),
            new Column("SourceServer", "sourceServerName"), new Column("Addresses", "addresses"),
            new Column("Replicas", "replicas"), new Column("VirtualEndpoint", "virtualEndpoint.name"),
            new Column("Fqdn", "fqdn"));

    private final CliIo io;

    ServerCommands(CliIo io) {
        this.io = io;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Register a server; with --source-server it is a replica of that primary.",
            footer = {"%nExamples:", "  vedns server create -n pg-main --address 10.0.0.5",
                    "  vedns server create -n pg-replica-1 --role AsyncReplica --source-server pg-main --address 10.0.0.6"})
    void create(@Mixin ClientOptions client,
                @Option(names = {"--name", "-n"}, required = true, description = "The server's name (a DNS label).") String name,
                @Option(names = "--role", description = "Primary or AsyncReplica (default: AsyncReplica with "
                        + "--source-server, Primary without).") String role,
                @Option(names = "--source-server", description = "The primary a replica replicates from.") String source,
                @Option(names = "--address", description = "An IPv4 or IPv6 address; repeat for several.") List<String> addresses,
                @Mixin ProbeOptions probe) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replicationRole", role != null ? role : source != null ? "AsyncReplica" : "Primary");
        if (source != null) {
            body.put("sourceServerName", source);
        }
        if (addresses != null) {
            body.put("addresses", addresses);
        }
        probe.into(body, null);
        client.output(io).print(client.api(io).send("PUT", path(name), body), COLUMNS);
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a server's addresses or its probe; its role and primary change only by promotion"
                    + " (vedns replica promote).",
            footer = {"%nExamples:", "  vedns server update -n pg-replica-1 --address 10.0.0.16 --address fd00::16",
                    "  vedns server update -n pg-replica-1 --probe-type tcp --probe-port 6432"})
    void update(@Mixin ClientOptions client,
                @Option(names = {"--name", "-n"}, required = true, description = "The server's name.") String name,
                @Option(names = "--address",
                        description = "The new addresses (all of them); repeat for several.") List<String> addresses,
                @Mixin ProbeOptions probe) {
        ApiClient api = client.api(io);
        Map<?, ?> current = (Map<?, ?>) api.get(path(name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replicationRole", current.get("replicationRole"));
        if (current.get("sourceServerName") != null) {
            body.put("sourceServerName", current.get("sourceServerName"));
        }
        body.put("addresses", addresses != null ? addresses : current.get("addresses"));
        probe.into(body, current.get("probe"));
        client.output(io).print(api.send("PUT", path(name), body), COLUMNS);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a server, with its replicas and endpoint pair when it is a primary.",
            footer = {"%nExample:", "  vedns server show -n pg-main -o table"})
    void show(@Mixin ClientOptions client,
              @Option(names = {"--name", "-n"}, required = true, description = "The server's name.") String name) {
        client.output(io).print(client.api(io).get(path(name)), COLUMNS);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every server (or those whose name starts with --prefix), a page at a time.",
            footer = {"%nExamples:", "  vedns server list -o table", "  vedns server list --prefix pg-orders-"})
    void list(@Mixin ClientOptions client, @Mixin PrefixOption prefix) {
        client.output(io).print(client.api(io).all("/api/v1/servers" + prefix.query()), COLUMNS);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a server (a primary only when it has no replicas and no endpoint pair). "
                    + "Asks first unless --yes.",
            footer = {"%nExample:", "  vedns server delete -n pg-replica-1 --yes"})
    void delete(@Mixin ClientOptions client,
                @Option(names = {"--name", "-n"}, required = true, description = "The server's name.") String name,
                @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        Confirmation.require(io, yes, "server '" + name + "'");
        client.api(io).delete(path(name));
    }

    private static String path(String name) {
        return "/api/v1/servers/" + segment(name);
    }
}

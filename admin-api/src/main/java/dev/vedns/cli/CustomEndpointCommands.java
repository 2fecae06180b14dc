package dev.vedns.cli;

import static dev.vedns.cli.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns custom-endpoint ...}: named subsets of a replication set, as Aurora's custom endpoints. */
@Command(name = "custom-endpoint", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage the custom endpoints (<name>.custom.<zone>) of a replication set: a static list of its"
                + " servers, or all of them but an exclusion list, answered in turn.")
final class CustomEndpointCommands {

    static final List<Column> COLUMNS = List.of(new Column("Name", "name"), new Column("ServerName", "serverName"),
            new Column("Type", "type"), new Column("Members", "members"),
            new Column("ExcludedMembers", "excludedMembers"), new Column("Fqdn", "fqdn"),
            new Column("Targets", "targets"));

    private final CliIo io;

    CustomEndpointCommands(CliIo io) {
        this.io = io;
    }

    /** The definition flags shared by create and update. */
    static final class Definition {
        @Option(names = "--type", description = "Reader (replicas only) or Any (the primary too).")
        String type;

        @Option(names = {"--members", "-m"}, description = "A server it answers; repeat for several (a static list).")
        List<String> members;

        @Option(names = "--excluded-members", description = "A server it never answers; repeat for several. With"
                + " this, every other present and future server of the set is a member.")
        List<String> excluded;

        /** @param allByDefault with neither list given, define it as every server of the set */
        Map<String, Object> body(boolean allByDefault) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (type != null) {
                body.put("type", type);
            }
            if (members != null) {
                body.put("members", members);
            }
            if (excluded != null || (allByDefault && members == null)) {
                body.put("excludedMembers", excluded == null ? List.of() : excluded);
            }
            return body;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a custom endpoint (or replace its definition); with neither --members nor"
                    + " --excluded-members it answers every server its type allows.",
            footer = {"%nExamples:", "  vedns custom-endpoint create -s pg-main -n analytics --type Reader -m pg-replica-2",
                    "  vedns custom-endpoint create -s pg-main -n reporting --type Reader --excluded-members pg-replica-1"})
    void create(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "Its name.") String name,
                @Mixin Definition definition) {
        Map<String, Object> body = definition.body(true);
        body.putIfAbsent("type", "Reader");
        client.output(io).print(client.api(io).send("PUT", path(server, name), body), COLUMNS);
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a custom endpoint's type or membership; what is not given stays.",
            footer = {"%nExample:", "  vedns custom-endpoint update -s pg-main -n analytics -m pg-replica-2 -m pg-replica-3"})
    void update(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "Its name.") String name,
                @Mixin Definition definition) {
        client.output(io).print(client.api(io).send("PATCH", path(server, name), definition.body(false)), COLUMNS);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a custom endpoint and what it answers.",
            footer = {"%nExample:", "  vedns custom-endpoint show -s pg-main -n analytics -o table"})
    void show(@Mixin ClientOptions client,
              @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
              @Option(names = {"--name", "-n"}, required = true, description = "Its name.") String name) {
        client.output(io).print(client.api(io).get(path(server, name)), COLUMNS);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a set's custom endpoints.",
            footer = {"%nExample:", "  vedns custom-endpoint list -s pg-main -o table"})
    void list(@Mixin ClientOptions client,
              @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
              @Mixin PrefixOption prefix) {
        client.output(io).print(client.api(io).all(collection(server) + prefix.query()), COLUMNS);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a custom endpoint: its name stops resolving (NXDOMAIN). Asks first unless --yes.",
            footer = {"%nExample:", "  vedns custom-endpoint delete -s pg-main -n analytics --yes"})
    void delete(@Mixin ClientOptions client,
                @Option(names = {"--server-name", "-s"}, required = true, description = "The primary of the set.") String server,
                @Option(names = {"--name", "-n"}, required = true, description = "Its name.") String name,
                @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        Confirmation.require(io, yes, "the custom endpoint '" + name + "' of '" + server + "'");
        client.api(io).delete(path(server, name));
    }

    private static String collection(String server) {
        return "/api/v1/servers/" + segment(server) + "/custom-endpoints";
    }

    private static String path(String server, String name) {
        return collection(server) + "/" + segment(name);
    }
}

package dev.vedns.cli;

import static dev.vedns.cli.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns token ...}: issue, list and revoke API tokens (an admin token's work). */
@Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Issue, list and revoke the admin API's tokens.")
final class TokenCommands {

    static final List<Column> COLUMNS = List.of(new Column("Name", "name"), new Column("Role", "role"),
            new Column("Servers", "servers"),
            new Column("Created", "createdAt"), new Column("Expires", "expiresAt"), new Column("LastUsed", "lastUsedAt"),
            new Column("Secret", "secret"));

    private final CliIo io;

    TokenCommands(CliIo io) {
        this.io = io;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a token; its secret is printed this once and never again.",
            footer = {"%nExample:", "  vedns token create -n ci-deploy --role operator --servers 'orders-*' "
                    + "--expires-at 2027-01-31T00:00:00Z"})
    void create(@Mixin ClientOptions client,
                @Option(names = {"--name", "-n"}, required = true, description = "The token's name (a DNS label).")
                String name,
                @Option(names = "--role", required = true, description = "viewer, operator or admin.") String role,
                @Option(names = "--servers", split = ",", paramLabel = "GLOB",
                        description = "Reach only the replication sets all of whose servers match one of these "
                                + "globs, e.g. orders-*,pg-main (default: all).") List<String> servers,
                @Option(names = "--expires-at", paramLabel = "INSTANT",
                        description = "When it stops working, e.g. 2027-01-31T00:00:00Z (default: never).")
                String expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("role", role);
        if (servers != null) {
            body.put("servers", servers);
        }
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        client.output(io).print(client.api(io).send("POST", "/api/v1/tokens", body), COLUMNS);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never their secrets).",
            footer = {"%nExample:", "  vedns token list -o table"})
    void list(@Mixin ClientOptions client, @Mixin PrefixOption prefix) {
        client.output(io).print(client.api(io).all("/api/v1/tokens" + prefix.query()), COLUMNS);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Revoke a token at once: the next request with it is refused. Asks first unless --yes.",
            footer = {"%nExample:", "  vedns token delete -n ci-deploy --yes"})
    void delete(@Mixin ClientOptions client,
                @Option(names = {"--name", "-n"}, required = true, description = "The token's name.") String name,
                @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        Confirmation.require(io, yes, "token '" + name + "'");
        client.api(io).delete("/api/v1/tokens/" + segment(name));
    }
}

package dev.vedns.cli;

import static dev.vedns.cli.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns replica promote}: a replica becomes a primary, and the endpoint names follow the roles. */
@Command(name = "replica", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Act on read replicas.")
final class ReplicaCommands {

    static final List<Column> COLUMNS = List.of(new Column("PromotedServer", "promotedServer"),
            new Column("PromoteMode", "promoteMode"), new Column("PromoteOption", "promoteOption"),
            new Column("EventId", "eventId"));

    private final CliIo io;

    ReplicaCommands(CliIo io) {
        this.io = io;
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = {"Promote a replica.",
                    "switchover: the replica becomes the set's primary, the old primary its replica; the writer "
                            + "name follows to the new primary.",
                    "standalone: the replica leaves the set as a primary of its own; the set's names stay."},
            footer = {"%nExample:", "  vedns replica promote -n pg-replica-1 --promote-mode switchover --promote-option planned"})
    void promote(@Mixin ClientOptions client,
                 @Option(names = {"--name", "-n"}, required = true, description = "The replica to promote.") String name,
                 @Option(names = "--promote-mode", description = "switchover (default) or standalone.") String mode,
                 @Option(names = "--promote-option", description = "planned (default) or forced.") String option) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (mode != null) {
            body.put("promoteMode", mode);
        }
        if (option != null) {
            body.put("promoteOption", option);
        }
        client.output(io).print(client.api(io).send("POST", "/api/v1/servers/" + segment(name) + "/promote", body),
                COLUMNS);
    }
}

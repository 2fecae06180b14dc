package dev.vedns.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns state export|import}: the whole routing state as one document, for backups and fleet moves. */
@Command(name = "state", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Export or replace the whole routing state (servers and endpoint pairs).")
final class StateCommands {

    static final List<Column> SUMMARY = List.of(new Column("Zone", "zone"), new Column("Serial", "serial"),
            new Column("Servers", "servers"), new Column("VirtualEndpoints", "virtualEndpoints"),
            new Column("CustomEndpoints", "customEndpoints"));

    private final CliIo io;

    StateCommands(CliIo io) {
        this.io = io;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the state as JSON (the document `state import` takes) to --file or stdout.",
            footer = {"%nExample:", "  vedns state export --file fleet.json"})
    void export(@Mixin ClientOptions client,
                @Option(names = {"--file", "-f"}, description = "Write here instead of stdout.") Path file) {
        String document = Json.pretty(client.api(io).get("/api/v1/state"));
        if (file == null) {
            io.out().println(document);
            io.out().flush();
            return;
        }
        try {
            Files.writeString(file, document + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.failed("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replace the whole state with a document (JSON, or YAML when the file ends in .yml/.yaml).",
                    "The document is checked as a whole: nothing changes unless all of it is valid."},
            footer = {"%nExample:", "  vedns state import --file fleet.json -o table"})
    void importState(@Mixin ClientOptions client,
                     @Option(names = {"--file", "-f"}, required = true, description = "The state document.") Path file) {
        String json = readAsJson(file);
        Object summary = Json.parseOrNull(client.api(io).sendText("PUT", "/api/v1/state", json, "return=minimal"));
        client.output(io).print(summary, SUMMARY);
    }

    private static String readAsJson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
            return text;
        }
        try {
            return Json.compact(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
        } catch (RuntimeException notYaml) {
            throw CliFailure.usage(file + " is not valid YAML: " + notYaml.getMessage());
        }
    }
}

package dev.vedns.cli;

import java.util.Arrays;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vedns} command line: with a command, a client of a running vedns's admin API (and of its DNS
 * server, for {@code resolve}), shaped like {@code az postgres flexible-server}. It starts no server context,
 * so it answers in a fraction of a second. Exit codes: 0 done, 1 refused by the server, 2 usage, 3 unreachable.
 */
@Command(name = "vedns", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Virtual endpoints for PostgreSQL fleets: stable writer and reader names served by DNS.",
                "Without a command (or with 'serve' and --key=value settings) it starts the server; "
                        + "with a command it is a client of a running vedns."},
        footer = {"%nExit codes: 0 success, 1 refused by the server, 2 usage error, 3 server unreachable.",
                "%nExamples:", "  vedns serve --vedns.zone=postgres.internal.",
                "  vedns server create -n pg-main --address 10.0.0.5",
                "  vedns virtual-endpoint create -s pg-main -n mydb -t ReadWrite",
                "  vedns resolve mydb.writer.postgres.internal"})
public final class Cli {

    /**
     * A server setting as Micronaut takes it from the command line, e.g. {@code --vedns.dns.port=5353}, or an item of
     * a list setting, {@code --vedns.transfer.allow[0]=192.0.2.0/24}.
     */
    private static final Pattern SETTING = Pattern.compile("--[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+(\\[\\d+])?)+=.*");

    private Cli() {
    }

    /** True when these arguments ask for a client command; false when they start the server. */
    public static boolean isClientCommand(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            return false;
        }
        return !Arrays.stream(args).allMatch(argument -> SETTING.matcher(argument).matches());
    }

    /** The server's own arguments: all but a leading {@code serve}. */
    public static String[] serverArguments(String[] args) {
        return args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    /** Runs one client command and returns its exit code. */
    public static int run(String[] args, CliIo io) {
        CommandLine commandLine = new CommandLine(new Cli())
                .addSubcommand(new VirtualEndpointCommands(io))
                .addSubcommand(new CustomEndpointCommands(io))
                .addSubcommand(new ServerCommands(io))
                .addSubcommand(new ReplicaCommands(io))
                .addSubcommand(new StateCommands(io))
                .addSubcommand(new EventsCommand(io))
                .addSubcommand(new TokenCommands(io))
                .addSubcommand(new ResolveCommand(io));
        commandLine.setOut(io.out());
        commandLine.setErr(io.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (!(failure instanceof CliFailure known)) {
                throw failure;
            }
            known.lines().forEach(io.err()::println);
            io.err().flush();
            return known.exitCode();
        });
        return commandLine.execute(args);
    }

    /** The version Maven stamped into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"vedns " + (version == null ? "(development build)" : version)};
        }
    }
}

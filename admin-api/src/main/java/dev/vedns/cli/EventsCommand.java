package dev.vedns.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vedns events}: the routing event log, a page at a time or followed as it grows. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Show routing events (servers, endpoint pairs, promotions), oldest first.",
                "With --follow, keep printing new events as they happen; JSON becomes one event per line."},
        footer = {"%nExamples:", "  vedns events --after 120 -o table", "  vedns events --follow --after 130 --count 1"})
final class EventsCommand implements Runnable {

    static final List<Column> COLUMNS = List.of(new Column("Id", "id"), new Column("Time", "time"),
            new Column("Serial", "serial"), new Column("Kind", "kind"), new Column("Servers", "servers"),
            new Column("VirtualEndpoints", "virtualEndpoints"), new Column("Actor", "actor"));
    private static final int PAGE = 100;
    private static final long POLL_MILLIS = 250;

    private final CliIo io;

    @Mixin
    ClientOptions client;

    @Option(names = "--after", paramLabel = "ID", defaultValue = "0", description = "Only events after this id.")
    long after;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many events (without --follow).")
    int limit;

    @Option(names = {"--follow", "-f"}, description = "Keep waiting for new events (stop with Ctrl-C or --count).")
    boolean follow;

    @Option(names = "--count", paramLabel = "N", description = "With --follow: stop after N events.")
    Integer count;

    EventsCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public void run() {
        ApiClient api = client.api(io);
        Output output = client.output(io);
        if (!follow) {
            output.print(events(api, after, limit), COLUMNS);
            return;
        }
        long last = after;
        int printed = 0;
        while (count == null || printed < count) {
            List<?> events = events(api, last, PAGE);
            for (Object event : events) {
                output.stream(event, COLUMNS);
                last = ((Number) ((Map<?, ?>) event).get("id")).longValue();
                if (count != null && ++printed == count) {
                    return;
                }
            }
            if (events.isEmpty()) {
                pause();
            }
        }
    }

    private static List<?> events(ApiClient api, long after, int limit) {
        Map<?, ?> page = (Map<?, ?>) api.get("/api/v1/events?after=" + after + "&limit=" + limit);
        return (List<?>) page.get("events");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted while following events");
        }
    }
}

package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.ProbeType;
import dev.vedns.routing.ReaderReroute;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.ServerProbe;
import dev.vedns.routing.VirtualEndpoint;
import dev.vedns.routing.RoutingTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Everything acknowledged is there after a restart: table, serial, events, and so every DNS answer. */
class RestartRecoveryTest {

    @TempDir
    Path directory;

    @Test
    void aFreshDirectoryStartsEmptyAtTheGivenSerial() throws Exception {
        try (StoredFleet fleet = new StoredFleet(directory.resolve("new/data"))) {
            assertEquals(RoutingTable.empty(), fleet.engine.table());
            assertEquals(Fleet.FIRST_SERIAL, fleet.engine.get().serial());
            assertTrue(Files.isDirectory(directory.resolve("new/data")));
        }
    }

    @Test
    void theJournalAloneRestoresEverything() throws Exception {
        State before;
        try (StoredFleet fleet = new StoredFleet(directory).changes(9)) {
            fleet.engine.apply(RoutingCommand.Promote.of("pg-replica-1", "Switchover", "Forced"));
            before = State.of(fleet);
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(10, fleet.vedns.replayed());
            assertEquals(before, State.of(fleet));
        }
    }

    @Test
    void aCleanStopFoldsTheJournalIntoACheckpoint() throws Exception {
        StoredFleet fleet = new StoredFleet(directory).changes(7);
        State before = State.of(fleet);
        fleet.stop();
        try (StoredFleet again = new StoredFleet(directory)) {
            assertEquals(0, again.vedns.replayed());
            assertEquals(before, State.of(again));
        }
    }

    @Test
    void aStartAfterACrashFoldsTheReplayedJournalIntoACheckpoint() throws Exception {
        State before;
        try (StoredFleet fleet = new StoredFleet(directory).changes(5)) {
            before = State.of(fleet);
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(5, fleet.vedns.replayed());
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(0, fleet.vedns.replayed());
            assertEquals(before, State.of(fleet));
        }
    }

    @Test
    void aCheckpointCompactsTheJournalAndRestoresTheSame() throws Exception {
        State before;
        // The first checkpoint is due at the fourth change; a later one once the journal is as large as it.
        try (StoredFleet fleet = new StoredFleet(directory, 4, false).changes(10)) {
            before = State.of(fleet);
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            // Changes 5-10 at the most; fewer when the later checkpoint was written before the crash.
            assertTrue(fleet.vedns.replayed() <= 6, fleet.vedns.replayed() + " records replayed");
            assertEquals(before, State.of(fleet));
        }
    }

    @Test
    void recordsAlreadyInTheCheckpointAreNotReplayedTwice() throws Exception {
        Path journal = directory.resolve("journal");
        State before;
        try (StoredFleet fleet = new StoredFleet(directory).changes(6)) {
            byte[] uncompacted = Files.readAllBytes(journal);
            fleet.engine.checkpoint();
            // A crash between the checkpoint's rename and the journal's compaction leaves both behind.
            Files.write(journal, uncompacted);
            before = State.of(fleet);
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(before, State.of(fleet));
            assertEquals(6, fleet.engine.events().after(0, 100).size());
        }
    }

    @Test
    void eventIdsAndSerialsGoOnRisingAfterARestart() throws Exception {
        try (StoredFleet fleet = new StoredFleet(directory).changes(5)) {
            fleet.engine.checkpoint();
        }
        try (StoredFleet fleet = new StoredFleet(directory).changes(6)) {
            List<RoutingEvent> events = fleet.engine.events().after(0, 100);
            // Replaying changes 0-5 on the recovered state: 0-2 change nothing, 3-5 move the reader.
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), events.stream().map(RoutingEvent::id).toList());
            assertEquals(Fleet.FIRST_SERIAL + 8, fleet.engine.get().serial());
        }
    }

    /** What a client can observe: the table, the serial, the events, and the DNS answers for every name. */
    @Test
    void whatTheProbesDecidedAndEachServersProbeSurviveARestartFromTheJournalAndFromACheckpoint() throws Exception {
        State before;
        try (StoredFleet fleet = new StoredFleet(directory).changes(3)) {
            fleet.engine.apply(new RoutingCommand.PutServer("pg-replica-1", "AsyncReplica", "pg-main",
                    List.of("10.0.0.6", "fd00::6"), new RoutingCommand.ProbeText("tcp", 6432)));
            fleet.engine.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb", null, null, true));
            fleet.engine.apply(new RoutingCommand.RerouteReader("mydb",
                    new ReaderReroute("pg-main", "'pg-replica-1' is Unhealthy: connection refused")));
            fleet.engine.apply(new RoutingCommand.MarkRoleMismatch("mydb", "'pg-main' is the writer's target but is"
                    + " in recovery"));
            before = State.of(fleet);
        }
        StoredFleet replayed = new StoredFleet(directory);
        assertEquals(before, State.of(replayed), "from the journal");
        VirtualEndpoint endpoint = replayed.engine.table().endpoint("mydb");
        assertEquals(List.of("pg-main"), endpoint.effectiveReaderTargets());
        assertTrue(endpoint.writerFollowsObservedPrimary());
        assertEquals(new ServerProbe(ProbeType.tcp, 6432), replayed.engine.table().server("pg-replica-1").probe());
        replayed.stop();
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(0, fleet.vedns.replayed());
            assertEquals(before, State.of(fleet), "from the checkpoint");
        }
    }

    @Test
    void aPooledReaderItsRerouteAndCustomEndpointsSurviveARestartFromTheJournalAndFromACheckpoint() throws Exception {
        RoutingTable before;
        try (StoredFleet fleet = new StoredFleet(directory).changes(3)) {
            fleet.engine.apply(new RoutingCommand.PutServer("pg-replica-2", "AsyncReplica", "pg-main",
                    List.of("10.0.0.7")));
            fleet.engine.apply(new RoutingCommand.PatchEndpoint("pg-main", "mydb",
                    List.of("pg-replica-1", "pg-replica-2")));
            fleet.engine.apply(new RoutingCommand.RerouteReader("mydb",
                    new ReaderReroute(List.of("pg-replica-2"), "'pg-replica-1' is Unhealthy: connection refused")));
            fleet.engine.apply(new RoutingCommand.PutCustomEndpoint("pg-main", "analytics", "Reader",
                    List.of("pg-replica-2"), null));
            fleet.engine.apply(new RoutingCommand.PutCustomEndpoint("pg-main", "everything", "Any", null,
                    List.of("pg-replica-1")));
            before = fleet.engine.table();
        }
        StoredFleet replayed = new StoredFleet(directory);
        assertEquals(before, replayed.engine.table(), "from the journal");
        assertEquals(List.of("pg-replica-1", "pg-replica-2"), replayed.engine.table().endpoint("mydb").readerMembers());
        assertEquals(List.of("pg-main", "pg-replica-2"), replayed.engine.table().custom("everything").resolved());
        replayed.stop();
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(before, fleet.engine.table(), "from the checkpoint");
        }
    }

    record State(RoutingTable table, long serial, List<RoutingEvent> events, List<String> answers) {

        static State of(StoredFleet fleet) {
            List<String> answers = new java.util.ArrayList<>();
            for (String name : List.of("mydb.writer.postgres.internal.", "mydb.reader.postgres.internal.",
                    "pg-main.postgres.internal.", "pg-replica-1.postgres.internal.", "postgres.internal.")) {
                Message response = Queries.ask(fleet.engine.get(), Queries.query(name, Type.ANY));
                response.getSection(Section.ANSWER).stream().map(Record::toString).forEach(answers::add);
            }
            return new State(fleet.engine.table(), fleet.engine.get().serial(), fleet.engine.events().after(0, 10_000),
                    answers);
        }
    }
}

package dev.vedns.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.events.RoutingEvent;
import dev.vedns.events.TargetChange;
import dev.vedns.routing.ReplicationRole;
import dev.vedns.routing.RoutingTable;
import dev.vedns.routing.Server;
import dev.vedns.routing.VirtualEndpoint;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by vedns 0.1 (resources/stored-format-v1: StoredFleet's changes(5), a second
 * replica, a checkpoint, then a forced switchover, the second replica deleted, the pair deleted and another
 * created on the new primary) still opens to exactly that state: the format is read by its explicit tags,
 * whatever the Java types are called or ordered today.
 */
class StoredFormatTest {

    @TempDir
    Path directory;

    @Test
    void aDirectoryWrittenByVersion1OpensToTheSameState() throws Exception {
        for (String file : List.of("state.snap", "journal")) {
            try (InputStream in = getClass().getResourceAsStream("/stored-format-v1/" + file)) {
                Files.copy(in, directory.resolve(file));
            }
        }
        try (StoredFleet fleet = new StoredFleet(directory)) {
            assertEquals(4, fleet.vedns.replayed(), "records after the checkpoint");
            RoutingTable table = fleet.engine.table();
            assertEquals(List.of(
                    new Server("pg-main", ReplicationRole.AsyncReplica, "pg-replica-1",
                            List.of(InetAddress.getByName("10.0.0.5"))),
                    new Server("pg-replica-1", ReplicationRole.Primary, null,
                            List.of(InetAddress.getByName("10.0.0.6"), InetAddress.getByName("fd00::6")))),
                    List.copyOf(table.servers()));
            assertEquals(List.of(new VirtualEndpoint("orders", "pg-replica-1", "pg-main")), List.copyOf(table.endpoints()));
            assertEquals(Fleet.FIRST_SERIAL + 10, fleet.engine.get().serial());

            List<RoutingEvent> events = fleet.engine.events().after(0, 100);
            assertEquals(List.of("ServerCreated", "ServerCreated", "VirtualEndpointCreated", "ReaderRetargeted",
                    "ReaderRetargeted", "ServerCreated", "ReplicaPromoted", "ServerDeleted", "VirtualEndpointDeleted",
                    "VirtualEndpointCreated"), events.stream().map(RoutingEvent::kind).toList());
            RoutingEvent promoted = events.get(6);
            assertEquals(Map.of("promoteMode", "Switchover", "promoteOption", "Forced"), promoted.details());
            assertEquals(List.of(
                    new TargetChange("mydb.writer.postgres.internal", "pg-main", "pg-replica-1"),
                    new TargetChange("mydb.reader.postgres.internal", "pg-replica-1", "pg-main")), promoted.targets());
            assertEquals(10, fleet.engine.events().latestId());
            assertEquals(List.of(RoutingEvent.ANONYMOUS), events.stream().map(RoutingEvent::actor).distinct().toList(),
                    "version 1 predates actors: every change then was unauthenticated");
            assertEquals(List.of(), List.copyOf(table.tokens()));
        }
        assertTrue(Files.exists(directory.resolve("checkpoint")), "the earlier file name is taken over");
        assertFalse(Files.exists(directory.resolve("state.snap")));
    }
}

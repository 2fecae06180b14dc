package dev.vedns.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.Queries;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.events.RoutingEvent;
import dev.vedns.routing.PromoteMode;
import dev.vedns.routing.PromoteOption;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingException;
import dev.vedns.routing.VirtualEndpoint;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The decisions the probes' findings lead to, with a fake prober over a real engine: set pg-a (primary) with
 * replicas pg-b and pg-c, pair app reading from pg-b; rise 2, fall 2, max-reader-lag 16 MB, max-switchover-lag 1 MB.
 */
class HealthRulesTest {

    private static final long MB = 1 << 20;

    private RoutingEngine engine;
    private FakeProbes probes;

    @BeforeEach
    void fleet() {
        engine = new Fleet().primary("pg-a", "10.0.0.1").replica("pg-b", "pg-a", "10.0.0.2")
                .replica("pg-c", "pg-a", "10.0.0.3").pair("pg-a", "app", "pg-b").engine();
        probes = new FakeProbes(engine);
        allWell();
        probes.rounds(2);
    }

    private void allWell() {
        probes.primary("pg-a", 1, 100 * MB).replica("pg-b", 1, 100 * MB).replica("pg-c", 1, 100 * MB - 10);
    }

    @Test
    void aHealthyChosenTargetIsAnsweredAndNothingIsRecorded() {
        long events = engine.events().latestId();
        probes.rounds(3);
        assertEquals("pg-b", reader());
        assertEquals(events, engine.events().latestId(), "probes that agree with the table change nothing");
    }

    @Test
    void aDeadReplicaLeavesTheReaderAfterFallProbesForTheLeastLaggingHealthyReplica() {
        long serial = engine.get().serial();
        probes.down("pg-b").round();
        assertEquals("pg-b", reader(), "one failed probe is not yet fall");
        probes.round();
        assertEquals("pg-c", reader());
        assertEquals("pg-c", dnsReader(), "DNS answers the new target");
        assertTrue(engine.get().serial() > serial, "the move is published with a new serial");
        RoutingEvent event = lastEvent();
        assertEquals("ReaderRerouted", event.kind());
        assertEquals(HealthFollower.ACTOR_NAME, event.actor());
        assertEquals("pg-b", event.targets().get(0).before());
        assertEquals("pg-c", event.targets().get(0).after());
        assertTrue(event.details().get("reason").contains("'pg-b' is Unhealthy"), event.details().toString());
        assertEquals(List.of("pg-b"), endpoint().readerMembers(), "the user's choice is kept");
    }

    @Test
    void withNoHealthyReplicaTheReaderAnswersThePrimaryAndWithNothingHealthyItsChosenTarget() {
        probes.down("pg-b").down("pg-c").rounds(2);
        assertEquals("pg-a", reader());
        probes.down("pg-a").rounds(2);
        assertEquals("pg-b", reader(), "never an empty answer: back to the chosen target");
        assertNull(endpoint().reroute());
    }

    @Test
    void theReaderReturnsToItsChosenTargetAfterRiseGoodProbes() {
        probes.down("pg-b").rounds(2);
        assertEquals("pg-c", reader());
        allWell();
        probes.round();
        assertEquals("pg-c", reader(), "one good probe is not yet rise");
        probes.round();
        assertEquals("pg-b", reader());
        RoutingEvent event = lastEvent();
        assertEquals("ReaderRestored", event.kind());
        assertEquals("pg-c", event.targets().get(0).before());
        assertEquals("pg-b", event.targets().get(0).after());
    }

    @Test
    void aReplicaLaggingBeyondMaxReaderLagLeavesTheReaderAndTheReasonSaysByHowMuch() {
        probes.replica("pg-b", 1, 100 * MB - 64 * MB).rounds(2);
        assertEquals("pg-c", reader());
        String reason = endpoint().reroute().reason();
        assertTrue(reason.contains("replays " + 64 * MB + " bytes behind 'pg-a'"), reason);
        probes.replica("pg-b", 1, 100 * MB - 15 * MB).rounds(2);
        assertEquals("pg-b", reader(), "within the bound again");
    }

    @Test
    void aRerouteStaysOnItsServerWhileThatStaysFitSoTheReaderDoesNotHop() {
        engine.apply(new RoutingCommand.PutServer("pg-d", "AsyncReplica", "pg-a", List.of("10.0.0.4")));
        probes.replica("pg-d", 1, 100 * MB - 20).rounds(2);
        probes.down("pg-b").rounds(2);
        assertEquals("pg-c", reader(), "the least lagging of pg-c and pg-d");
        long events = engine.events().latestId();
        probes.replica("pg-c", 1, 100 * MB - 5 * MB).replica("pg-d", 1, 100 * MB).rounds(3);
        assertEquals("pg-c", reader(), "pg-d lags less now, but pg-c is still fit");
        assertEquals(events, engine.events().latestId());
    }

    @Test
    void aUsersRetargetEndsTheRerouteAndTheProbesJudgeTheNewTarget() {
        probes.down("pg-b").rounds(2);
        engine.apply(new RoutingCommand.PatchEndpoint("pg-a", "app", List.of("pg-a")));
        assertEquals("pg-a", reader());
        assertNull(endpoint().reroute());
        probes.round();
        assertEquals("pg-a", reader());
    }

    @Test
    void aPoolDropsAStoppedMemberAfterFallProbesAndTakesItBackAfterRise() {
        engine.apply(new RoutingCommand.PatchEndpoint("pg-a", "app", List.of("pg-b", "pg-c")));
        probes.down("pg-c").round();
        assertEquals(List.of("pg-b", "pg-c"), endpoint().effectiveReaderTargets(), "one failed probe is not yet fall");
        probes.round();
        assertEquals(List.of("pg-b"), endpoint().effectiveReaderTargets());
        assertEquals(List.of("pg-b"), dnsReaders(4), "every answer names the member left");
        assertTrue(endpoint().reroute().reason().contains("'pg-c' is Unhealthy"), endpoint().reroute().reason());
        allWell();
        probes.round();
        assertEquals(List.of("pg-b"), endpoint().effectiveReaderTargets(), "one good probe is not yet rise");
        probes.round();
        assertNull(endpoint().reroute());
        assertEquals(List.of("pg-b", "pg-c"), dnsReaders(4));
        assertEquals("ReaderRestored", lastEvent().kind());
    }

    @Test
    void aPoolWithNoMemberFitAnswersThePrimary() {
        engine.apply(new RoutingCommand.PatchEndpoint("pg-a", "app", List.of("pg-b", "pg-c")));
        probes.down("pg-b").replica("pg-c", 1, 100 * MB - 64 * MB).rounds(2);
        assertEquals(List.of("pg-a"), endpoint().effectiveReaderTargets());
        assertEquals("pg-a", dnsReader());
    }

    @Test
    void aCustomEndpointLeavesOutUnfitMembersLikeAPoolAndTakesThemBack() {
        engine.apply(new RoutingCommand.PutCustomEndpoint("pg-a", "analytics", "Reader", null, List.of()));
        probes.down("pg-c").rounds(2);
        assertEquals(List.of("pg-b"), engine.table().custom("analytics").effectiveTargets());
        assertEquals("CustomEndpointRerouted", lastEvent().kind());
        probes.down("pg-b").rounds(2);
        assertEquals(List.of("pg-a"), engine.table().custom("analytics").effectiveTargets(), "none fit: the primary");
        allWell();
        probes.rounds(2);
        assertNull(engine.table().custom("analytics").reroute());
        assertEquals(List.of("pg-b", "pg-c"), engine.table().custom("analytics").effectiveTargets());
        assertEquals("CustomEndpointRestored", lastEvent().kind());
    }

    @Test
    void withoutTheOptionAPromotionElsewhereRaisesRoleMismatchAndMovesNothing() {
        probes.primary("pg-b", 2, 100 * MB).round();
        assertEquals("pg-a", engine.table().endpoint("app").primaryName());
        assertEquals("pg-b", reader());
        RoutingEvent event = lastEvent();
        assertEquals("RoleMismatch", event.kind());
        assertEquals("'pg-b' is a replica of 'pg-a' but accepts writes", event.details().get("mismatch"));
        assertTrue(event.targets().isEmpty(), "a mismatch moves no name");
        long serial = engine.get().serial();
        allWell();
        probes.round();
        assertEquals("RoleMismatchCleared", lastEvent().kind());
        assertNull(endpoint().roleMismatch());
        assertEquals(serial, engine.get().serial(), "marking and clearing a mismatch needs no new serial");
    }

    @Test
    void aWritersTargetInRecoveryIsAMismatch() {
        probes.replica("pg-a", 1, 100 * MB).round();
        assertEquals("'pg-a' is the writer's target but is in recovery", endpoint().roleMismatch());
    }

    @Test
    void withTheOptionTheWriterFollowsAReplicaPromotedOnAHigherTimeline() {
        follow();
        probes.primary("pg-b", 2, 100 * MB).round();
        assertEquals("pg-b", endpoint().primaryName());
        assertEquals("pg-b", dnsWriter());
        RoutingEvent switchover = engine.events().snapshot().stream()
                .filter(event -> event.kind().equals("AutomaticSwitchover")).findFirst().orElseThrow();
        assertEquals(HealthFollower.ACTOR_NAME, switchover.actor());
        assertEquals("Forced", switchover.details().get("promoteOption"));
        assertTrue(switchover.details().get("reason").contains("'pg-b' is observed as Primary on timeline 2"));
        assertEquals("pg-b", reader(), "the reader follows the one server known to hold every write");
        assertEquals("'pg-a' is a replica of 'pg-b' but accepts writes", endpoint().roleMismatch(),
                "the old primary, still accepting writes, is a split to warn about");
    }

    @Test
    void withTheOptionTheWriterFollowsAPromotionOnceTheDeadPrimaryIsUnhealthy() {
        follow();
        probes.down("pg-a").primary("pg-c", 2, 101 * MB).round();
        assertEquals("pg-a", endpoint().primaryName(), "one failed probe of the writer's target is not yet fall");
        probes.round();
        assertEquals("pg-c", endpoint().primaryName());
        assertEquals("pg-b", reader(), "another replica keeps the reader");
        assertEquals("pg-c", engine.table().server("pg-a").sourceServerName());
    }

    @Test
    void aDeadPrimaryAloneMovesNoWriter() {
        follow();
        probes.down("pg-a").rounds(3);
        assertEquals("pg-a", endpoint().primaryName());
    }

    @Test
    void twoHealthyPrimariesOnTheSameHighestTimelineMoveNothing() {
        follow();
        probes.primary("pg-b", 2, 100 * MB).primary("pg-c", 2, 100 * MB).round();
        assertEquals("pg-a", endpoint().primaryName());
        assertNotNull(endpoint().roleMismatch());
    }

    @Test
    void anUnhealthyPromotedReplicaIsNotFollowedUntilHealthy() {
        follow();
        probes.down("pg-b").rounds(2);
        probes.primary("pg-b", 2, 100 * MB).round();
        assertEquals("pg-a", endpoint().primaryName(), "one good probe after a fall is not yet rise");
        probes.round();
        assertEquals("pg-b", endpoint().primaryName());
    }

    @Test
    void aPlannedSwitchoverIsRefusedToALaggingReplicaAndAForcedOneIsAccepted() {
        probes.replica("pg-b", 1, 100 * MB - 2 * MB).round();
        RoutingException refused = assertThrows(RoutingException.class, () -> engine.apply(
                new RoutingCommand.Promote("pg-b", PromoteMode.Switchover, PromoteOption.Planned)));
        assertEquals(RoutingException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("replays " + 2 * MB + " bytes (0.5 s) behind 'pg-a'"),
                refused.getMessage());
        assertEquals("pg-a", endpoint().primaryName());
        engine.apply(new RoutingCommand.Promote("pg-b", PromoteMode.Switchover, PromoteOption.Forced));
        assertEquals("pg-b", endpoint().primaryName());
    }

    @Test
    void aPlannedSwitchoverIsRefusedToAnUnhealthyReplica() {
        probes.down("pg-b").rounds(2);
        engine.apply(new RoutingCommand.PatchEndpoint("pg-a", "app", List.of("pg-b")));
        RoutingException refused = assertThrows(RoutingException.class, () -> engine.apply(
                new RoutingCommand.Promote("pg-b", PromoteMode.Switchover, PromoteOption.Planned)));
        assertTrue(refused.getMessage().contains("'pg-b' is Unhealthy"), refused.getMessage());
    }

    @Test
    void aPlannedSwitchoverToACaughtUpReplicaIsAccepted() {
        engine.apply(new RoutingCommand.Promote("pg-b", PromoteMode.Switchover, PromoteOption.Planned));
        assertEquals("pg-b", endpoint().primaryName());
    }

    private void follow() {
        engine.apply(new RoutingCommand.PatchEndpoint("pg-a", "app", null, null, true));
    }

    private VirtualEndpoint endpoint() {
        return engine.table().endpoint("app");
    }

    private String reader() {
        return endpoint().effectiveReaderTargets().get(0);
    }

    private String dnsReader() {
        return cnameTarget("app.reader.postgres.internal.");
    }

    /** The distinct targets of {@code count} reader answers in a row, sorted. */
    private List<String> dnsReaders(int count) {
        SortedSet<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            seen.add(dnsReader());
        }
        return List.copyOf(seen);
    }

    private String dnsWriter() {
        return cnameTarget("app.writer.postgres.internal.");
    }

    private String cnameTarget(String name) {
        Message answer = Queries.ask(engine.get(), Queries.query(name, Type.CNAME));
        CNAMERecord cname = (CNAMERecord) answer.getSection(Section.ANSWER).get(0);
        return cname.getTarget().getLabelString(0);
    }

    private RoutingEvent lastEvent() {
        List<RoutingEvent> events = engine.events().snapshot();
        return events.get(events.size() - 1);
    }
}

package dev.vedns.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.Fleet;
import dev.vedns.engine.RoutingEngine;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.routing.RoutingRules;
import dev.vedns.storage.StartupException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The etcd store against a real one-member etcd: a follower whose history etcd compacted loads the whole state
 * and follows on; with etcd's authentication on, the configured user gets in and a wrong password is refused at
 * start without the password in the message.
 */
class EtcdStoreTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFollowerBehindACompactionLoadsTheWholeStateAndFollowsOn() throws Exception {
        try (EtcdCluster etcd = EtcdCluster.start(1)) {
            EtcdSettings settings = settings(etcd, null, null);
            EtcdStore behind = EtcdStore.open(settings, Fleet.FIRST_SERIAL, 10);
            RoutingEngine follower = engine(behind);
            try (EtcdStore ahead = EtcdStore.open(settings, Fleet.FIRST_SERIAL, 10)) {
                RoutingEngine writer = engine(ahead);
                for (int i = 0; i < 30; i++) {
                    writer.apply(new RoutingCommand.PutServer("pg-" + i, "Primary", null, List.of("10.0.0." + i)));
                }
                // etcd forgets every revision before the newest: the follower's history is gone.
                String compacted = post(etcd, "/v3/kv/compaction", "{\"revision\":\"" + writer.revision()
                        + "\",\"physical\":true}");
                assertTrue(compacted.contains("header"), compacted);
                behind.follow(follower);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (follower.revision() < writer.revision()) {
                    assertTrue(System.nanoTime() < deadline, "the follower never caught up");
                    Thread.sleep(10);
                }
                assertEquals(30, follower.table().serverCount());
                assertEquals(writer.get().serial(), follower.get().serial());
                assertEquals(writer.events().snapshot(), follower.events().snapshot());
                writer.apply(new RoutingCommand.PutServer("pg-after", "Primary", null, List.of("10.0.1.1")));
                while (follower.table().server("pg-after") == null) {
                    assertTrue(System.nanoTime() < deadline, "the follower stopped following");
                    Thread.sleep(10);
                }
            } finally {
                behind.close();
            }
        }
    }

    @Test
    void withAuthenticationTheUserGetsInAndAWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        try (EtcdCluster etcd = EtcdCluster.start(1)) {
            post(etcd, "/v3/auth/user/add", "{\"name\":\"root\",\"password\":\"root-secret-1\"}");
            post(etcd, "/v3/auth/role/add", "{\"name\":\"root\"}");
            post(etcd, "/v3/auth/user/grant", "{\"user\":\"root\",\"role\":\"root\"}");
            post(etcd, "/v3/auth/enable", "{}");

            StartupException anonymous = assertThrows(StartupException.class,
                    () -> EtcdStore.open(settings(etcd, null, null), Fleet.FIRST_SERIAL, 10));
            assertNotNull(anonymous.getMessage());
            StartupException wrong = assertThrows(StartupException.class,
                    () -> EtcdStore.open(settings(etcd, "root", "not-the-password"), Fleet.FIRST_SERIAL, 10));
            assertFalse(wrong.getMessage().contains("not-the-password"), wrong.getMessage());

            try (EtcdStore store = EtcdStore.open(settings(etcd, "root", "root-secret-1"), Fleet.FIRST_SERIAL, 10)) {
                RoutingEngine engine = engine(store);
                engine.apply(new RoutingCommand.PutServer("pg-main", "Primary", null, List.of("10.0.0.5")));
                assertEquals(null, store.unwritable());
                assertFalse(settings(etcd, "root", "root-secret-1").toString().contains("root-secret-1"));
            }
        }
    }

    private static EtcdSettings settings(EtcdCluster etcd, String user, String password) {
        return new EtcdSettings(etcd.endpoints(), "/store-test/", Duration.ofSeconds(2), Duration.ofSeconds(2), user,
                password, null);
    }

    private static RoutingEngine engine(EtcdStore store) {
        return new RoutingEngine(Fleet.settings(), store.start(), 10, store, 1000,
                RoutingRules.CUSTOM_ENDPOINTS_PER_SET);
    }

    private static String post(EtcdCluster etcd, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(etcd.endpoints().get(0) + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}

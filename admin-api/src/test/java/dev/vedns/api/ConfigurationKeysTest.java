package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.api.config.VednsConfiguration;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every documented vedns.* key reaches its setting (a nested group without its prefix would silently keep defaults). */
class ConfigurationKeysTest {

    @TempDir
    Path directory;

    @Test
    void theSecurityLimitAndRateKeysAreBound() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "vedns.data-dir", directory.resolve("data").toString(), "vedns.dns.port", "0",
                "vedns.auth.enabled", "false", "vedns.auth.admin-token-file", "/tmp/elsewhere.token",
                "vedns.api.max-body-size", "2MB", "vedns.api.max-state-size", "64MB",
                "vedns.dns.rrl.responses-per-second", "100", "vedns.dns.rrl.slip", "3",
                "vedns.dns.tcp-max-connections-per-client", "7"));
        properties.putAll(Map.of("vedns.health.interval", "3s", "vedns.health.postgres.port", "6543",
                "vedns.health.postgres.user", "probe", "vedns.health.rise", "4", "vedns.health.max-reader-lag", "32MB",
                "vedns.health.max-switchover-lag", "512KB"));
        properties.putAll(Map.of("vedns.etcd.endpoints[0]", "http://10.0.0.1:2379", "vedns.etcd.prefix", "/orders/",
                "vedns.etcd.operation-timeout", "3s", "vedns.etcd.user", "vedns", "vedns.etcd.password-file",
                "/etc/vedns/etcd-password"));
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build().start()) {
            VednsConfiguration config = context.getBean(VednsConfiguration.class);
            assertFalse(config.getAuth().isEnabled());
            assertEquals(Path.of("/tmp/elsewhere.token"), config.getAuth().getAdminTokenFile());
            assertEquals(2L * 1024 * 1024, config.getApi().getMaxBodySize());
            assertEquals(64L * 1024 * 1024, config.getApi().getMaxStateSize());
            assertEquals(100, config.getDns().getRrl().getResponsesPerSecond());
            assertEquals(3, config.getDns().getRrl().getSlip());
            assertEquals(7, config.getDns().getTcpMaxConnectionsPerClient());
            assertEquals(Duration.ofSeconds(3), config.getHealth().getInterval());
            assertEquals(6543, config.getHealth().getPostgres().getPort());
            assertEquals("probe", config.getHealth().getPostgres().getUser());
            assertEquals(4, config.getHealth().getRise());
            assertEquals(32L * 1024 * 1024, config.getHealth().getMaxReaderLag());
            assertEquals(512L * 1024, config.getHealth().getMaxSwitchoverLag());
            assertEquals("file", config.getStore());
            assertEquals(List.of("http://10.0.0.1:2379"), config.getEtcd().getEndpoints());
            assertEquals("/orders/", config.getEtcd().getPrefix());
            assertEquals(Duration.ofSeconds(3), config.getEtcd().getOperationTimeout());
            assertEquals("vedns", config.getEtcd().getUser());
            assertEquals(Path.of("/etc/vedns/etcd-password"), config.getEtcd().getPasswordFile());
        }
    }

    @Test
    void anUnknownStoreOrAnEtcdEndpointThatIsNoUrlRefusesTheStartNamingTheKey() {
        for (Map<String, Object> wrong : List.of(Map.<String, Object>of("vedns.store", "sqlite"),
                Map.<String, Object>of("vedns.store", "etcd", "vedns.etcd.endpoints[0]", "127.0.0.1:2379"),
                Map.<String, Object>of("vedns.store", "etcd", "vedns.etcd.prefix", "vedns"))) {
            Map<String, Object> properties = new HashMap<>(wrong);
            properties.putAll(Map.of("vedns.data-dir", directory.resolve("data").toString(), "vedns.dns.port", "0"));
            ApplicationContext context = ApplicationContext.builder().properties(properties).build();
            Exception refused = assertThrows(Exception.class, context::start);
            String key = wrong.keySet().stream().filter(name -> !name.equals("vedns.store") || wrong.size() == 1)
                    .findFirst().orElseThrow().replaceAll("\\[\\d+]", "");
            assertTrue(messages(refused).contains(key), key + ": " + messages(refused));
            context.close();
        }
    }

    @Test
    void tlsFilesThatCannotBeReadRefuseTheStartNamingBothKeys() {
        ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "vedns.data-dir", directory.resolve("data").toString(), "vedns.dns.port", "0",
                "vedns.tls.cert-file", directory.resolve("missing-cert.pem").toString(),
                "vedns.tls.key-file", directory.resolve("missing-key.pem").toString())).build();
        Exception refused = assertThrows(Exception.class, context::start);
        assertTrue(messages(refused).contains("vedns.tls.cert-file and vedns.tls.key-file"), messages(refused));
        context.close();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}

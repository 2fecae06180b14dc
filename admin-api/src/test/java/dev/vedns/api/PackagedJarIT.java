package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's start command, run as a user runs it: {@code bin/vedns} (the packaged jar, with the class-data
 * sharing archive the build made from it), with embedded defaults, and with each way of overriding a setting.
 */
class PackagedJarIT {

    @Test
    void startsWithEmbeddedDefaultsAndServesTheWalkthrough() throws Exception {
        try (VednsProcess vedns = new VednsProcess(List.of(), List.of(), Map.of())) {
            assertEquals("vedns serving zone postgres.internal.: DNS udp 127.0.0.1:8053 tcp 127.0.0.1:8053,"
                    + " API http://127.0.0.1:8080", vedns.startupLine);
            // Secure by default: the first start wrote the admin token for its owner alone, and nothing works without it.
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(vedns.workDir.resolve("data/admin.token"))));
            assertEquals(401, new ProcessClient(vedns).send("PUT", "/api/v1/servers/pg-main",
                    "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}", null).statusCode());
            assertEquals(201, put(vedns, "/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
            assertEquals(201, put(vedns, "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}"));
            Dig.Output out = Dig.run(8053, "mydb.writer.postgres.internal", "A", "+norec");
            assertEquals(List.of("mydb.writer.postgres.internal. 5 IN CNAME pg-main.postgres.internal.",
                    "pg-main.postgres.internal. 30 IN A 10.0.0.5"), out.section("ANSWER"));
            assertEquals(2, Dig.run(8053, "+tcp", "mydb.reader.postgres.internal", "A").section("ANSWER").size());
        }
    }

    @Test
    void theLauncherLoadsTheClassesFromTheArchiveTheBuildMade() throws Exception {
        // A later -Xlog wins over the launcher's silencing of CDS messages: each class says where it came from.
        ProcessBuilder logged = new ProcessBuilder(VednsProcess.LAUNCHER.toString(), "--version").redirectErrorStream(true);
        logged.environment().put("VEDNS_JAVA_OPTS", "-Xlog:class+load=info");
        Process process = logged.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertTrue(Files.isRegularFile(Path.of("target", "vedns.aot")) || Files.isRegularFile(Path.of("target", "vedns.jsa")),
                "mvn package makes the archive");
        assertTrue(output.contains("dev.vedns.api.Application source: shared objects file"), output.lines()
                .filter(line -> line.contains("dev.vedns.api.Application")).toList().toString());
    }

    @Test
    void argumentsOverrideAndPort0PicksFreePorts() throws Exception {
        try (VednsProcess vedns = new VednsProcess(List.of(),
                List.of("--vedns.dns.port=0", "--micronaut.server.port=0", "--vedns.zone=example.test"), Map.of())) {
            assertNotEquals(0, vedns.dnsPort);
            assertNotEquals(8053, vedns.dnsPort);
            assertEquals(vedns.dnsPort, vedns.tcpPort);
            assertEquals("example.test", vedns.zone);
            assertTrue(!vedns.apiUrl.endsWith(":0") && !vedns.apiUrl.endsWith(":8080"), vedns.apiUrl);
            assertEquals("NOERROR", Dig.run(vedns.dnsPort, "example.test", "SOA").status());
            assertEquals("REFUSED", Dig.run(vedns.dnsPort, "postgres.internal", "SOA").status());
            assertEquals(200, get(vedns, "/api/v1/servers"));
        }
    }

    @Test
    void environmentVariablesOverride() throws Exception {
        try (VednsProcess vedns = new VednsProcess(List.of(), List.of(),
                Map.of("VEDNS_DNS_PORT", "0", "MICRONAUT_SERVER_PORT", "0", "VEDNS_TTL_ENDPOINT", "9s"))) {
            assertNotEquals(8053, vedns.dnsPort);
            assertEquals(201, put(vedns, "/api/v1/servers/pg-main", "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}"));
            assertEquals(201, put(vedns, "/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"endpointType\":\"ReadWrite\"}"));
            assertEquals(List.of("mydb.writer.postgres.internal. 9 IN CNAME pg-main.postgres.internal."),
                    Dig.run(vedns.dnsPort, "mydb.writer.postgres.internal", "CNAME").section("ANSWER"));
        }
    }

    @Test
    void systemPropertiesAndExtraConfigFilesOverride() throws Exception {
        Path extra = Files.createTempFile("vedns-extra-", ".yml");
        Files.writeString(extra, "vedns:\n  hostmaster: dba.example.com.\n  ttl:\n    negative: 12s\n");
        try (VednsProcess vedns = new VednsProcess(List.of("-Dvedns.dns.port=0", "-Dmicronaut.server.port=0"), List.of(),
                Map.of("MICRONAUT_CONFIG_FILES", extra.toString()))) {
            Dig.Output out = Dig.run(vedns.dnsPort, "nothing.postgres.internal", "A");
            assertEquals("NXDOMAIN", out.status());
            String soa = out.section("AUTHORITY").get(0);
            assertTrue(soa.startsWith("postgres.internal. 12 IN SOA ns1.postgres.internal. dba.example.com. "), soa);
            assertTrue(soa.endsWith(" 12"), soa);
        } finally {
            Files.deleteIfExists(extra);
        }
    }

    private static int put(VednsProcess vedns, String path, String json) throws Exception {
        return new ProcessClient(vedns).send("PUT", path, json).statusCode();
    }

    private static int get(VednsProcess vedns, String path) throws Exception {
        return new ProcessClient(vedns).send("GET", path, null).statusCode();
    }
}

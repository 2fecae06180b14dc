package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vedns.cli.Cli;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** The {@code vedns} command line, run in this JVM through picocli against a running vedns. */
@MicronautTest(rebuildContext = true)
class CliTest {

    private static final String WRITER = "mydb.writer.postgres.internal.";
    private static final String READER = "mydb.reader.postgres.internal.";

    @Inject
    VednsUnderTest vedns;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper mapper;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = CliRunner.against(vedns, server.getURL().toString());
    }

    private void fleet() {
        cli.run("server", "create", "-n", "pg-main", "--address", "10.0.0.5").expect(0);
        cli.run("server", "create", "-n", "pg-replica-1", "--source-server", "pg-main", "--address", "10.0.0.6")
                .expect(0);
    }

    @Test
    void customEndpointsAreCreatedListedUpdatedAndDeleted() throws Exception {
        fleet();
        cli.run("server", "create", "-n", "pg-replica-2", "--source-server", "pg-main", "--address", "10.0.0.7")
                .expect(0);
        Map<String, Object> created = cli.run("custom-endpoint", "create", "-s", "pg-main", "-n", "analytics",
                "-m", "pg-replica-2").expect(0).object(mapper);
        assertEquals("Reader", created.get("type"));
        assertEquals(List.of("pg-replica-2"), created.get("targets"));
        cli.run("custom-endpoint", "create", "-s", "pg-main", "-n", "reporting", "--type", "Any",
                "--excluded-members", "pg-replica-1").expect(0);
        assertEquals(List.of("analytics\tpg-main\tReader\tpg-replica-2\t\tanalytics.custom.postgres.internal\t"
                        + "pg-replica-2", "reporting\tpg-main\tAny\t\tpg-replica-1\treporting.custom.postgres.internal\t"
                        + "pg-main,pg-replica-2"),
                cli.run("custom-endpoint", "list", "-s", "pg-main", "-o", "tsv").expect(0).out().lines().toList());
        cli.run("custom-endpoint", "update", "-s", "pg-main", "-n", "analytics", "-m", "pg-replica-1", "-m",
                "pg-replica-2").expect(0);
        assertEquals(List.of("pg-replica-1", "pg-replica-2"), vedns.api()
                .get("/api/v1/servers/pg-main/custom-endpoints/analytics").json().get("targets"));
        cli.run("custom-endpoint", "delete", "-s", "pg-main", "-n", "analytics", "--yes").expect(0);
        cli.run("custom-endpoint", "show", "-s", "pg-main", "-n", "analytics").expect(1);
    }

    @Test
    void listsPageThroughAFleetOfAnySizeByThemselvesAndTakeAPrefix() {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < 1205; i++) {
            servers.append(i == 0 ? "" : ",").append("{\"name\":\"pg-").append(String.format("%04d", i))
                    .append("\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.1.").append(i / 250).append('.')
                    .append(i % 250 + 1).append("\"]}");
        }
        expect(200, vedns.api().put("/api/v1/state", "{\"zone\":\"postgres.internal.\",\"servers\":[" + servers
                + "],\"virtualEndpoints\":[]}"));
        CliRunner.Run all = cli.run("server", "list", "-o", "tsv", "--verbose").expect(0);
        assertEquals(1205, all.out().lines().count());
        assertEquals(2, all.err().lines().filter(line -> line.startsWith("GET ")).count(), "two pages: " + all.err());
        assertEquals(List.of("pg-0120\tPrimary", "pg-0121\tPrimary"), cli.run("server", "list", "-o", "tsv",
                "--prefix", "pg-012").expect(0).out().lines().limit(2).map(line -> line.substring(0, line.indexOf('\t',
                line.indexOf('\t') + 1))).toList());
        assertEquals(10, cli.run("server", "list", "-o", "tsv", "--prefix", "pg-012").expect(0).out().lines().count());
    }

    @Test
    void createsServersAndAPairThatDnsAnswersAsAsked() throws Exception {
        Map<String, Object> primary = cli.run("server", "create", "-n", "pg-main", "--address", "10.0.0.5")
                .expect(0).object(mapper);
        assertEquals("Primary", primary.get("replicationRole"));
        Map<String, Object> replica = cli.run("server", "create", "--name", "pg-replica-1",
                "--source-server", "pg-main", "--address", "10.0.0.6").expect(0).object(mapper);
        assertEquals("AsyncReplica", replica.get("replicationRole"));

        Map<String, Object> pair = cli.run("virtual-endpoint", "create", "--server-name", "pg-main", "--name", "mydb",
                "--endpoint-type", "ReadWrite").expect(0).object(mapper);
        assertEquals(List.of("pg-replica-1"), pair.get("members"));
        assertEquals(List.of("mydb.writer.postgres.internal", "mydb.reader.postgres.internal"),
                pair.get("virtualEndpoints"));
        assertEquals(List.of(WRITER + "\t5\tIN\tCNAME\tpg-main.postgres.internal.",
                "pg-main.postgres.internal.\t30\tIN\tA\t10.0.0.5"), vedns.dns().answer(WRITER, Type.A));
        assertTrue(vedns.dns().answer(READER, Type.A).get(0).endsWith("CNAME\tpg-replica-1.postgres.internal."));

        cli.run("virtual-endpoint", "update", "-s", "pg-main", "-n", "mydb", "-m", "pg-main").expect(0);
        assertTrue(vedns.dns().answer(READER, Type.A).get(0).endsWith("CNAME\tpg-main.postgres.internal."));

        cli.run("server", "update", "-n", "pg-replica-1", "--address", "10.0.0.16").expect(0);
        assertEquals(List.of("10.0.0.16"), vedns.api().get("/api/v1/servers/pg-replica-1").json().get("addresses"));
        assertEquals("pg-main", vedns.api().get("/api/v1/servers/pg-replica-1").json().get("sourceServerName"));
        cli.run("server", "update", "-n", "pg-replica-1", "--probe-type", "tcp", "--probe-port", "6432").expect(0);
        assertEquals(Map.of("type", "tcp", "port", 6432),
                vedns.api().get("/api/v1/servers/pg-replica-1").json().get("probe"));
        assertEquals(List.of("10.0.0.16"), vedns.api().get("/api/v1/servers/pg-replica-1").json().get("addresses"),
                "addresses not given are kept");
        cli.run("virtual-endpoint", "update", "-s", "pg-main", "-n", "mydb", "--writer-follows-observed-primary")
                .expect(0);
        assertEquals(true, vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").json()
                .get("writerFollowsObservedPrimary"));
        cli.run("virtual-endpoint", "update", "-s", "pg-main", "-n", "mydb", "--no-writer-follows-observed-primary")
                .expect(0);
        assertEquals(false, vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").json()
                .get("writerFollowsObservedPrimary"));
        // Roles change only by promotion: update offers no flag that the rules would always refuse.
        CliRunner.Run role = cli.run("server", "update", "-n", "pg-replica-1", "--role", "Primary", "--address", "10.0.0.16");
        role.expect(2);
        assertTrue(role.err().contains("Unknown options: '--role'"), role.err());
    }

    @Test
    void printsJsonByDefaultATableForPeopleAndTsvForScripts() {
        fleet();
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb", "-t", "ReadWrite", "-m", "pg-replica-1")
                .expect(0);

        String json = cli.run("virtual-endpoint", "show", "-s", "pg-main", "-n", "mydb").expect(0).out();
        assertEquals(vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").json(),
                cli.run("virtual-endpoint", "show", "-s", "pg-main", "-n", "mydb").object(mapper));
        assertTrue(json.contains("\n  \"name\" : \"mydb\""), json);

        List<String> table = cli.run("virtual-endpoint", "list", "-s", "pg-main", "-o", "table").expect(0).out()
                .lines().toList();
        assertEquals(3, table.size(), String.join("\n", table));
        assertEquals(List.of("Name", "ServerName", "EndpointType", "Members", "Writer", "WriterTarget", "Reader",
                "ReaderTarget", "ReaderAnswers"), List.of(table.get(0).split(" +")));
        assertTrue(table.get(1).matches("[- ]+"), table.get(1));
        assertEquals(List.of("mydb", "pg-main", "ReadWrite", "pg-replica-1", "mydb.writer.postgres.internal", "pg-main",
                "mydb.reader.postgres.internal", "pg-replica-1", "pg-replica-1"), List.of(table.get(2).split(" +")));

        assertEquals("mydb\tpg-main\tReadWrite\tpg-replica-1\tmydb.writer.postgres.internal\tpg-main\t"
                        + "mydb.reader.postgres.internal\tpg-replica-1\tpg-replica-1\n",
                cli.run("virtual-endpoint", "list", "-s", "pg-main", "-o", "tsv").expect(0).out());
        assertEquals("pg-main\tPrimary\t\t10.0.0.5\tpg-replica-1\tmydb\tpg-main.postgres.internal\n"
                        + "pg-replica-1\tAsyncReplica\tpg-main\t10.0.0.6\t\t\tpg-replica-1.postgres.internal\n",
                cli.run("server", "list", "--output", "TSV").expect(0).out());
    }

    @Test
    void deleteAsksFirstUnlessYes() {
        fleet();
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);

        CliRunner.Run declined = cli.runWithInput("n\n", "virtual-endpoint", "delete", "-s", "pg-main", "-n", "mydb")
                .expect(2);
        assertTrue(declined.err().contains("Are you sure you want to delete the virtual endpoints 'mydb'"), declined.err());
        assertEquals(200, vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").status());
        cli.runWithInput("", "virtual-endpoint", "delete", "-s", "pg-main", "-n", "mydb").expect(2);

        cli.runWithInput("y\n", "virtual-endpoint", "delete", "-s", "pg-main", "-n", "mydb").expect(0);
        assertEquals(404, vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").status());
        cli.run("server", "delete", "-n", "pg-replica-1", "--yes").expect(0);
        assertEquals(404, vedns.api().get("/api/v1/servers/pg-replica-1").status());
    }

    @Test
    void promoteBySwitchoverMovesTheWriter() throws Exception {
        fleet();
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
        Map<String, Object> result = cli.run("replica", "promote", "--name", "pg-replica-1",
                "--promote-mode", "switchover", "--promote-option", "planned").expect(0).object(mapper);
        assertEquals("pg-replica-1", result.get("promotedServer"));
        assertTrue(vedns.dns().answer(WRITER, Type.A).get(0).endsWith("CNAME\tpg-replica-1.postgres.internal."));
        assertEquals("PromotedServer  PromoteMode  PromoteOption  EventId",
                cli.run("replica", "promote", "-n", "pg-main", "--promote-mode", "standalone", "-o", "table")
                        .expect(0).out().lines().findFirst().orElseThrow());
    }

    @Test
    void aRefusalPrintsTheProblemOnStderrAndExits1() {
        fleet();
        CliRunner.Run bad = cli.run("server", "create", "-n", "pg-x", "--address", "10.0.0.300", "--role", "Primary")
                .expect(1);
        assertEquals("", bad.out());
        List<String> lines = bad.err().lines().toList();
        assertEquals(2, lines.size(), bad.err());
        assertTrue(lines.get(0).startsWith("vedns: Bad Request: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("  addresses[0]: "), lines.get(1));
        assertTrue(lines.get(1).endsWith("[ipAddress]"), lines.get(1));

        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
        CliRunner.Run type = cli.run("virtual-endpoint", "update", "-s", "pg-main", "-n", "mydb", "-t", "ReadOnly",
                "-m", "pg-main").expect(1);
        assertTrue(type.err().contains("  endpointType: endpointType 'ReadOnly' is not supported"), type.err());
        assertEquals(List.of("pg-replica-1"),
                vedns.api().get("/api/v1/servers/pg-main/virtual-endpoints/mydb").json().get("members"));

        CliRunner.Run missing = cli.run("server", "show", "-n", "pg-nowhere").expect(1);
        assertTrue(missing.err().startsWith("vedns: Not Found: Server 'pg-nowhere'"), missing.err());
    }

    @Test
    void usageErrorsExit2() {
        String missing = cli.run("server", "create", "--address", "10.0.0.5").expect(2).err();
        assertTrue(missing.contains("Missing required option") && missing.contains("--name"), missing);
        assertTrue(cli.run("virtual-endpoint", "frobnicate").expect(2).err().contains("frobnicate"));
        assertTrue(cli.run("server", "list", "-o", "xml").expect(2).err().contains("xml"));
        cli.run("events", "--after", "ten").expect(2);
        cli.run("resolve").expect(2);
    }

    @Test
    void anUnreachableServerExits3NamingTheUrl() {
        CliRunner offline = new CliRunner(Map.of("VEDNS_API_URL", "http://127.0.0.1:9"));
        CliRunner.Run run = offline.run("server", "list").expect(3);
        assertTrue(run.err().startsWith("vedns: cannot reach the vedns API at http://127.0.0.1:9 ("), run.err());
        assertTrue(cli.run("server", "list", "--api-url", "http://127.0.0.1:9/").expect(3).err()
                .contains("http://127.0.0.1:9"));
    }

    @Test
    void stateExportsAndImportsAsOneDocumentJsonOrYaml(@TempDir Path dir) throws Exception {
        fleet();
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
        Path file = dir.resolve("fleet.json");
        cli.run("state", "export", "--file", file.toString()).expect(0);
        Map<String, Object> exported = vedns.api().get("/api/v1/state").json();
        assertEquals(exported, mapper.readValue(Files.readString(file), Map.class));

        cli.run("virtual-endpoint", "delete", "-s", "pg-main", "-n", "mydb", "-y").expect(0);
        cli.run("server", "delete", "-n", "pg-replica-1", "-y").expect(0);
        String summary = cli.run("state", "import", "--file", file.toString(), "-o", "tsv").expect(0).out();
        assertTrue(summary.matches("postgres\\.internal\\.\t\\d+\t2\t1\t0\n"), summary);
        assertEquals(exported.get("servers"), vedns.api().get("/api/v1/state").json().get("servers"));
        assertTrue(vedns.dns().answer(READER, Type.A).get(0).endsWith("CNAME\tpg-replica-1.postgres.internal."));

        Path yaml = dir.resolve("fleet.yaml");
        Files.writeString(yaml, "zone: postgres.internal.\nservers:\n  - name: pg-solo\n    replicationRole: Primary\n    addresses: [10.0.0.9]\n"
                + "virtualEndpoints: []\n");
        cli.run("state", "import", "-f", yaml.toString()).expect(0);
        assertEquals(1, ((List<?>) vedns.api().get("/api/v1/state").json().get("servers")).size());

        Files.writeString(yaml, "zone: postgres.internal.\nservers:\n  - name: pg-solo\n    replicationRole: Primary\n    addresses: [nope]\n");
        assertTrue(cli.run("state", "import", "-f", yaml.toString()).expect(1).err().contains("servers[0].addresses[0]"));
        cli.run("state", "import", "-f", dir.resolve("missing.json").toString()).expect(2);
    }

    @Test
    void eventsArePagedAndFollowed() throws Exception {
        fleet();
        // Event 1 is the first admin token; the fleet's two servers are 2 and 3.
        List<Object> events = cli.run("events").expect(0).list(mapper);
        assertEquals(3, events.size());
        String table = cli.run("events", "--after", "2", "-o", "table").expect(0).out();
        assertEquals(3, table.lines().count(), table);
        assertTrue(table.lines().toList().get(2).contains("pg-replica-1"), table);

        CompletableFuture<CliRunner.Run> follower = CompletableFuture.supplyAsync(
                () -> cli.run("events", "--follow", "--after", "3", "--count", "1"));
        Thread.sleep(300);
        assertFalse(follower.isDone(), "--follow must wait for the next event");
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
        CliRunner.Run followed = follower.get(10, TimeUnit.SECONDS).expect(0);
        Map<?, ?> event = mapper.readValue(followed.out().strip(), Map.class);
        assertEquals(4, ((Number) event.get("id")).intValue());
        assertEquals(1, followed.out().lines().count(), "one compact JSON object per line");
    }

    @Test
    void resolvePrintsTheChainDigSees() throws Exception {
        fleet();
        cli.run("server", "update", "-n", "pg-replica-1", "--address", "10.0.0.6", "--address", "fd00::6").expect(0);
        cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
        String chain = cli.run("resolve", "mydb.writer.postgres.internal").expect(0).out();
        assertEquals("mydb.writer.postgres.internal → pg-main.postgres.internal → 10.0.0.5\n", chain);

        for (String[] query : List.of(new String[] {"mydb.writer.postgres.internal", "A"},
                new String[] {"mydb.reader.postgres.internal", "AAAA"},
                new String[] {"mydb.reader.postgres.internal", "A"})) {
            List<String> dig = Dig.run(vedns.dns().port(), "+short", query[0], query[1]).text().lines()
                    .map(line -> line.endsWith(".") ? line.substring(0, line.length() - 1) : line).toList();
            Map<String, Object> resolved = cli.run("resolve", query[0], "--type", query[1], "-o", "json").expect(0)
                    .object(mapper);
            List<?> steps = (List<?>) resolved.get("chain");
            List<Object> seen = new java.util.ArrayList<>(steps.subList(1, steps.size()));
            seen.addAll((List<?>) resolved.get("answers"));
            assertEquals(dig, seen, String.join(" ", query));
        }

        CliRunner.Run nx = cli.run("resolve", "nodb.writer.postgres.internal").expect(1);
        assertEquals("nodb.writer.postgres.internal (NXDOMAIN)\n", nx.out());
        assertEquals("mydb.reader.postgres.internal → pg-replica-1.postgres.internal (no MX records)\n",
                cli.run("resolve", "mydb.reader.postgres.internal", "-t", "MX").expect(0).out());
        assertTrue(cli.run("resolve", "x.postgres.internal", "--dns", "127.0.0.1").expect(2).err().contains("HOST:PORT"));
    }

    @Test
    void tokensAreIssuedListedAndRevokedAndTheSecretIsShownOnce() {
        Map<String, Object> created = cli.run("token", "create", "-n", "ci-deploy", "--role", "operator",
                "--expires-at", "2099-01-01T00:00:00Z").expect(0).object(mapper);
        String secret = (String) created.get("secret");
        assertEquals("operator", created.get("role"));
        String table = cli.run("token", "list", "-o", "table").expect(0).out();
        assertTrue(table.contains("ci-deploy") && table.contains("2099-01-01T00:00:00Z"), table);
        assertFalse(table.contains(secret), table);

        CliRunner operator = new CliRunner(Map.of("VEDNS_API_URL", server.getURL().toString(), "VEDNS_TOKEN", secret));
        operator.run("server", "list").expect(0);
        CliRunner.Run forbidden = operator.run("server", "create", "-n", "pg-x", "--address", "10.0.0.9").expect(1);
        assertTrue(forbidden.err().startsWith("vedns: Forbidden"), forbidden.err());
        assertTrue(forbidden.err().contains("needs the admin role"), forbidden.err());

        cli.run("token", "delete", "-n", "ci-deploy", "--yes").expect(0);
        CliRunner.Run revoked = operator.run("server", "list").expect(1);
        assertTrue(revoked.err().startsWith("vedns: Unauthorized"), revoked.err());
        CliRunner anonymous = new CliRunner(Map.of("VEDNS_API_URL", server.getURL().toString()));
        assertTrue(anonymous.run("server", "list").expect(1).err().contains("Authorization: Bearer"));
        operator.run("server", "list", "--token", vedns.adminToken()).expect(0);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<List<String>> commands = List.of(List.of(), List.of("virtual-endpoint"),
                List.of("virtual-endpoint", "create"), List.of("virtual-endpoint", "update"),
                List.of("virtual-endpoint", "show"), List.of("virtual-endpoint", "list"),
                List.of("virtual-endpoint", "delete"), List.of("server", "create"), List.of("server", "update"),
                List.of("server", "show"), List.of("server", "list"), List.of("server", "delete"),
                List.of("replica", "promote"), List.of("state", "export"), List.of("state", "import"),
                List.of("events"), List.of("resolve"), List.of("token", "create"), List.of("token", "list"),
                List.of("token", "delete"));
        for (List<String> command : commands) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            CliRunner.Run help = cli.run(args.toArray(String[]::new)).expect(0);
            assertTrue(help.out().startsWith("Usage: vedns"), help.out());
            if (command.size() != 1) {
                assertTrue(help.out().contains("Example"), "no example in the help of " + command);
            }
        }
    }

    @Test
    void theJarDecidesBetweenServerAndClientByItsArguments() {
        assertFalse(Cli.isClientCommand(new String[0]));
        assertFalse(Cli.isClientCommand(new String[] {"serve"}));
        assertFalse(Cli.isClientCommand(new String[] {"serve", "--vedns.zone=example.test"}));
        assertFalse(Cli.isClientCommand(new String[] {"--vedns.dns.port=0", "--micronaut.server.port=0"}));
        assertFalse(Cli.isClientCommand(new String[] {"--vedns.transfer.allow[0]=127.0.0.0/8",
                "--vedns.transfer.tsig-keys[0].name=xfr-key."}), "items of list settings are settings too");
        assertTrue(Cli.isClientCommand(new String[] {"server", "list"}));
        assertTrue(Cli.isClientCommand(new String[] {"--help"}));
        assertTrue(Cli.isClientCommand(new String[] {"--output", "table"}));
        assertTrue(Cli.isClientCommand(new String[] {"servr"}));
        assertEquals(List.of("--vedns.zone=example.test"),
                List.of(Cli.serverArguments(new String[] {"serve", "--vedns.zone=example.test"})));
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A full or read-only data directory: the change is refused with 503 and not applied, DNS keeps answering
 * from the last good state, and once the disk recovers writes succeed again without a restart. The disk is
 * real: a small tmpfs filled up, and an immutable journal (chattr +i), both refused by the kernel itself.
 */
class UnwritableDataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void aFullDiskRefusesChangesUntilSpaceIsFreed() throws Exception {
        Path mount = Files.createDirectories(directory.resolve("tmpfs"));
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        try (RunningApp app = new RunningApp(mount.resolve("data"))) {
            Api api = app.vedns().api();
            api.standardFleet();
            assertHealth(api, 200, "UP", null);
            Path ballast = mount.resolve("ballast");
            fill(ballast);
            assertHealth(api, 503, "DOWN", "bytes free");

            int attempt = 0;
            Api.Reply reply;
            do {
                // The journal's last page may still hold a few records; the disk is full after that.
                attempt++;
                reply = api.put("/api/v1/servers/pg-extra-" + attempt, primary("10.1.0." + attempt));
            } while (reply.status() == 201 && attempt < 200);
            assertRefusedAndUnchanged(app, reply, "pg-extra-" + attempt);

            Files.delete(ballast);
            assertHealth(api, 200, "UP", null);
            expect(201, api.put("/api/v1/servers/pg-extra-" + attempt, primary("10.1.0." + attempt)));
            assertEquals(List.of("pg-extra-" + attempt + ".postgres.internal.\t30\tIN\tA\t10.1.0." + attempt),
                    app.vedns().dns().answer("pg-extra-" + attempt + ".postgres.internal.", Type.A));
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aReadOnlyJournalRefusesChangesUntilItIsWritable() throws Exception {
        Path data = directory.resolve("data");
        Path journal = data.resolve("journal");
        try (RunningApp app = new RunningApp(data)) {
            Api api = app.vedns().api();
            api.standardFleet();
            run("chattr", "+i", journal.toString());
            try {
                assertHealth(api, 503, "DOWN", "cannot be written");
                Api.Reply refused = api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}");
                assertEquals(503, refused.status(), refused.body());
                assertEquals("pg-replica-1.postgres.internal.", readerTarget(app));
            } finally {
                run("chattr", "-i", journal.toString());
            }
            assertHealth(api, 200, "UP", null);
            expect(200, api.patch("/api/v1/servers/pg-main/virtual-endpoints/mydb", "{\"members\":[\"pg-main\"]}"));
            assertEquals("pg-main.postgres.internal.", readerTarget(app));
        }
        try (RunningApp app = new RunningApp(data)) {
            assertEquals("pg-main.postgres.internal.", readerTarget(app));
        }
    }

    private static void assertRefusedAndUnchanged(RunningApp app, Api.Reply reply, String server) throws Exception {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(((String) reply.json().get("detail")).contains("not applied"), reply.body());
        assertEquals(404, app.vedns().api().get("/api/v1/servers/" + server).status());
        assertEquals(Rcode.NXDOMAIN, app.vedns().dns().udp(server + ".postgres.internal.", Type.A).getRcode());
        assertEquals("pg-replica-1.postgres.internal.", readerTarget(app), "DNS answers from the last good state");
    }

    /** {@code /health} and {@code /health/readiness} answer without a token and name the journal's problem. */
    @SuppressWarnings("unchecked")
    private static void assertHealth(Api api, int status, String state, String problem) {
        for (String path : List.of("/health", "/health/readiness")) {
            Api.Reply health = api.as(null).get(path);
            assertEquals(status, health.status(), path + ": " + health.body());
            assertEquals(state, health.json().get("status"), health.body());
            Map<String, Object> journal = (Map<String, Object>) ((Map<String, Object>) health.json().get("details"))
                    .get("journal");
            assertEquals(state, journal.get("status"), health.body());
            if (problem != null) {
                Object details = ((Map<String, Object>) journal.get("details")).get("problem");
                assertTrue(String.valueOf(details).contains(problem), health.body());
            }
        }
        assertEquals(200, api.as(null).get("/health/liveness").status());
    }

    private static String readerTarget(RunningApp app) throws Exception {
        String line = app.vedns().dns().answer("mydb.reader.postgres.internal.", Type.CNAME).get(0);
        return line.substring(line.lastIndexOf('\t') + 1);
    }

    private static String primary(String address) {
        return "{\"replicationRole\":\"Primary\",\"addresses\":[\"" + address + "\"]}";
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path ballast) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            for (int i = 0; i < 10_000; i++) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return;
        }
        throw new AssertionError("the 2 MiB tmpfs never filled up");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed (this test needs root): " + output);
    }
}

package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A body larger than its route takes is refused by its declared length, before it is read: 413 for a caller
 * with a token, 401 for one without, in well under a second and without the upload growing the process.
 */
@MicronautTest
class OversizedBodiesTest {

    private static final int MIB = 1024 * 1024;

    @Inject
    VednsUnderTest vedns;

    @Inject
    EmbeddedServer server;

    @Test
    void aBodyOverTheLimitOfItsRouteIs413AndChangesNothing() {
        Api api = vedns.api();
        Map<String, Object> before = expect(200, api.get("/api/v1/state")).json();
        String padded = "{\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.5\"]}" + " ".repeat(2 * MIB);
        Api.Reply refused = expect(413, api.put("/api/v1/servers/pg-big", padded));
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(List.of("Content-Length:maxSize"), refused.fieldRules());
        assertTrue(((String) refused.json().get("detail")).contains("vedns.api.max-body-size"), refused.body());
        assertEquals(before, expect(200, api.get("/api/v1/state")).json());

        // The whole-state import takes far more than other routes.
        String state = "{\"zone\":\"postgres.internal.\",\"servers\":[]}" + " ".repeat(2 * MIB);
        expect(200, api.put("/api/v1/state", state));
    }

    @Test
    void aHundredMegabyteUploadWithoutATokenIsRefusedAtOnceWithoutBeingKept() throws Exception {
        long rssBefore = rssKib();
        long started = System.nanoTime();
        String status;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 100L * MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread uploader = new Thread(() -> upload(out, 100L * MIB), "oversized-upload");
            uploader.setDaemon(true);
            uploader.start();
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long grownMib = (rssKib() - rssBefore) / 1024;
        System.out.println("100 MB unauthenticated upload: " + status + " after " + millis + " ms; RSS grew " + grownMib
                + " MiB");
        assertEquals("HTTP/1.1 401 Unauthorized", status);
        assertTrue(millis < 1000, "answered after " + millis + " ms");
        assertTrue(grownMib < 50, "the process grew by " + grownMib + " MiB");
    }

    /** Sends {@code bytes} zeros, stopping when the server closes the connection; bounded by the count. */
    private static void upload(OutputStream out, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        try {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException closedByTheServer) {
            // What a refused upload should meet.
        }
    }

    private static long rssKib() throws IOException {
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+)").matcher(Files.readString(Path.of("/proc/self/status")));
        assertTrue(rss.find());
        return Long.parseLong(rss.group(1));
    }
}

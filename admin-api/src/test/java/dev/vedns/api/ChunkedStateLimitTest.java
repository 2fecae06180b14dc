package dev.vedns.api;

import static dev.vedns.api.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole-state import is parsed as it arrives; a body sent without a length (chunked) that outgrows
 * {@code vedns.api.max-state-size} is cut off there and refused as too large, not as malformed, and changes nothing.
 */
@MicronautTest
@Property(name = "vedns.api.max-state-size", value = "64KB")
class ChunkedStateLimitTest {

    @Inject
    VednsUnderTest vedns;

    @Inject
    EmbeddedServer server;

    @Test
    void aChunkedStateOverTheLimitIs413AndChangesNothing() throws Exception {
        Map<String, Object> before = expect(200, vedns.api().get("/api/v1/state")).json();
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            servers.append(i == 0 ? "" : ",").append("{\"name\":\"pg-").append(i)
                    .append("\",\"replicationRole\":\"Primary\",\"addresses\":[\"10.0.0.1\"]}");
        }
        byte[] body = ("{\"zone\":\"postgres.internal.\",\"servers\":[" + servers + "]}").getBytes(StandardCharsets.UTF_8);
        String status;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + vedns.adminToken() + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < body.length; offset += 4096) {
                int length = Math.min(4096, body.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
        assertEquals("HTTP/1.1 413 Request Entity Too Large", status, body.length + " bytes");
        assertEquals(before, expect(200, vedns.api().get("/api/v1/state")).json());
    }
}

package dev.vedns.api;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's tools inside a network namespace, against the vedns running there: curl for the admin API (with the
 * admin token read from a header file, so the secret is on no command line) and dig for DNS on port 53.
 */
final class InsideClient {

    /** An HTTP status and body. */
    record Reply(int status, String body) {
    }

    private final NetworkNamespace namespace;
    private final String api;
    private final Path headers;
    private final Path requestBody;
    private final JsonMapper json = JsonMapper.createDefault();

    InsideClient(NetworkNamespace namespace, VednsProcess vedns) throws IOException {
        this.namespace = namespace;
        this.api = vedns.apiUrl;
        this.headers = vedns.workDir.resolve("curl-headers");
        this.requestBody = vedns.workDir.resolve("curl-body");
        Files.writeString(headers, "Authorization: Bearer " + vedns.adminToken() + "\n"
                + "Content-Type: application/json\n");
        Files.setPosixFilePermissions(headers, PosixFilePermissions.fromString("rw-------"));
    }

    Reply send(String method, String path, String body) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-X", method, "-H",
                "@" + headers, "-w", "\n%{http_code}", api + path));
        if (body != null) {
            Files.writeString(requestBody, body);
            command.addAll(List.of("--data-binary", "@" + requestBody));
        }
        String out = namespace.run(command.toArray(String[]::new));
        int cut = out.lastIndexOf('\n');
        return new Reply(Integer.parseInt(out.substring(cut + 1).trim()), out.substring(0, cut));
    }

    /** The JSON object at {@code path}, which must answer 200. */
    @SuppressWarnings("unchecked")
    Map<String, Object> get(String path) throws Exception {
        Reply reply = send("GET", path, null);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + ": " + reply.status() + " " + reply.body());
        }
        return json.readValue(reply.body(), Map.class);
    }

    /** The server a writer or reader name's CNAME points at now, as dig inside sees it; null without an answer. */
    String target(String name) throws Exception {
        NetworkNamespace.Result result = namespace.exec("dig", "+short", "+time=1", "+tries=1", "@127.0.0.1", name,
                "CNAME");
        String first = result.output().strip().split("\n")[0];
        return result.exit() != 0 || first.isEmpty() ? null : first.substring(0, first.indexOf('.'));
    }
}

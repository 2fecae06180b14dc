package dev.vedns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code vedns.tls.cert-file} and {@code vedns.tls.key-file} the API is HTTPS only, on its own port; the
 * command line trusts a private certificate with {@code VEDNS_CA_FILE} (or {@code --ca-file}). The certificate
 * is made by the test with openssl, for 127.0.0.1.
 */
class TlsTest {

    @TempDir
    Path directory;

    @Test
    void theApiIsServedOverHttpsOnlyAndTheCommandLineTrustsTheGivenCertificate() throws Exception {
        Path cert = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=vedns test", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String made = new String(openssl.getInputStream().readAllBytes());
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, made);

        Map<String, Object> tls = Map.of("vedns.tls.cert-file", cert.toString(), "vedns.tls.key-file", key.toString());
        try (RunningApp app = new RunningApp(directory.resolve("data"), tls)) {
            String url = app.url();
            assertTrue(url.startsWith("https://127.0.0.1:"), url);
            String token = Files.readString(directory.resolve("data/admin.token")).trim();
            Map<String, String> env = Map.of("VEDNS_API_URL", url, "VEDNS_TOKEN", token, "VEDNS_CA_FILE", cert.toString());
            CliRunner cli = new CliRunner(env);
            cli.run("server", "create", "-n", "pg-main", "--address", "10.0.0.5").expect(0);
            cli.run("virtual-endpoint", "create", "-s", "pg-main", "-n", "mydb").expect(0);
            cli.run("virtual-endpoint", "update", "-s", "pg-main", "-n", "mydb", "-m", "pg-main").expect(0);
            assertEquals(1, cli.run("server", "list", "-o", "tsv").expect(0).out().lines().count());

            CliRunner untrusting = new CliRunner(Map.of("VEDNS_API_URL", url, "VEDNS_TOKEN", token));
            assertTrue(untrusting.run("server", "list").expect(3).err().contains(url));

            String plain = url.replace("https://", "http://") + "/health";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(plain)).timeout(Duration.ofSeconds(5)).build();
            assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                    "plain HTTP on the API port must not be answered");
        }
    }
}

package dev.vedns.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * etcd's v3 API through its JSON gateway ({@code /v3/kv/range}, {@code /v3/kv/txn}, {@code /v3/watch}, ...), with
 * the JDK's HTTP client: no gRPC stack, so nothing in it needs a Netty other than vedns's own. Endpoints are tried
 * in turn when one cannot be connected to; an operation that an endpoint took but did not finish in time is not
 * sent again elsewhere (it may still commit), it fails.
 */
final class EtcdGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EtcdSettings settings;
    private final HttpClient http;
    private volatile int preferred;
    private volatile String authToken;

    EtcdGateway(EtcdSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.operationTimeout());
        if (settings.caFile() != null) {
            builder.sslContext(trusting(settings));
        }
        this.http = builder.build();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? new byte[0] : Base64.getDecoder().decode(base64.asText());
    }

    static String text(JsonNode base64) {
        return new String(bytes(base64), StandardCharsets.UTF_8);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A request naming one key. */
    static ObjectNode keyOf(String key) {
        ObjectNode request = object();
        request.put("key", base64(key));
        return request;
    }

    /** A request naming every key that starts with {@code prefix}. */
    static ObjectNode prefixOf(String prefix) {
        byte[] end = prefix.getBytes(StandardCharsets.UTF_8);
        end[end.length - 1]++;
        ObjectNode request = keyOf(prefix);
        request.put("range_end", base64(end));
        return request;
    }

    /**
     * A transaction that succeeds only while {@code key}'s revision of {@code target} ({@code MOD} or
     * {@code CREATE}; 0 for a key that does not exist) is {@code revision}; its operations are added after.
     */
    static ObjectNode transactionIf(String key, String target, long revision) {
        ObjectNode transaction = object();
        ObjectNode compare = transaction.putArray("compare").addObject();
        compare.put("key", base64(key));
        compare.put("target", target);
        compare.put("result", "EQUAL");
        compare.put(target.toLowerCase(java.util.Locale.ROOT) + "_revision", Long.toString(revision));
        return transaction;
    }

    /** One call of the v3 API ({@code kv/range}, {@code kv/txn}, ...) within the operation timeout. */
    JsonNode call(String method, ObjectNode body) throws EtcdUnavailable {
        long deadline = System.nanoTime() + settings.operationTimeout().toNanos();
        List<URI> endpoints = settings.endpoints();
        EtcdUnavailable last = null;
        for (int tried = 0; tried < endpoints.size(); tried++) {
            int index = (preferred + tried) % endpoints.size();
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                break;
            }
            try {
                JsonNode answer = send(endpoints.get(index), method, body, left);
                preferred = index;
                return answer;
            } catch (ConnectException unreachable) {
                last = new EtcdUnavailable("etcd at " + endpoints.get(index) + " cannot be reached", unreachable);
            } catch (HttpTimeoutException slow) {
                throw new EtcdUnavailable("etcd at " + endpoints.get(index) + " did not answer within "
                        + settings.operationTimeout().toMillis() + " ms (no quorum?)", slow, true);
            } catch (IOException failed) {
                last = new EtcdUnavailable("etcd at " + endpoints.get(index) + " failed: " + failed, failed, true);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new EtcdUnavailable("interrupted while asking etcd", interrupted);
            }
        }
        throw last != null ? last : new EtcdUnavailable("etcd did not answer within "
                + settings.operationTimeout().toMillis() + " ms", null);
    }

    /**
     * Watches from {@code startRevision} on the preferred endpoint, handing each result to {@code results} on this
     * thread, until the stream ends or fails (then this returns, or throws, and the caller watches again).
     */
    void watch(ObjectNode createRequest, Consumer<JsonNode> results) throws EtcdUnavailable, InterruptedException {
        URI endpoint = settings.endpoints().get(preferred);
        ObjectNode body = object();
        body.set("create_request", createRequest);
        try {
            HttpResponse<Stream<String>> response = http.send(request(endpoint, "watch", body, null),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new EtcdUnavailable("etcd at " + endpoint + " refused the watch (HTTP " + response.statusCode()
                        + ")", null);
            }
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> !line.isBlank()).forEach(line -> results.accept(parse(line)));
            }
        } catch (IOException | java.io.UncheckedIOException failed) {
            preferred = (preferred + 1) % settings.endpoints().size();
            throw new EtcdUnavailable("the watch on etcd at " + endpoint + " ended: " + failed, failed);
        }
    }

    private JsonNode send(URI endpoint, String method, ObjectNode body, Duration timeout)
            throws IOException, InterruptedException, EtcdUnavailable {
        HttpResponse<InputStream> response = exchange(endpoint, method, body, timeout);
        if (response.statusCode() == 401 && settings.user() != null && authToken != null) {
            // The token expired: one new one, and the call once more.
            response.body().close();
            authToken = null;
            response = exchange(endpoint, method, body, timeout);
        }
        JsonNode answer;
        try (InputStream in = response.body()) {
            answer = JSON.readTree(in);
        }
        if (response.statusCode() != 200) {
            throw new EtcdUnavailable("etcd at " + endpoint + " answered " + method + " with HTTP "
                    + response.statusCode() + ": " + answer.path("error").asText(answer.path("message").asText()),
                    null);
        }
        return answer;
    }

    private HttpResponse<InputStream> exchange(URI endpoint, String method, ObjectNode body, Duration timeout)
            throws IOException, InterruptedException, EtcdUnavailable {
        return http.send(request(endpoint, method, body, timeout), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest request(URI endpoint, String method, ObjectNode body, Duration timeout)
            throws IOException, InterruptedException, EtcdUnavailable {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve("/v3/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (settings.user() != null && !method.equals("auth/authenticate")) {
            builder.header("Authorization", token(endpoint, timeout));
        }
        return builder.build();
    }

    /** A token for the configured user, asked for once and again after it expires (etcd answers 401 then). */
    private String token(URI endpoint, Duration timeout) throws IOException, InterruptedException, EtcdUnavailable {
        String token = authToken;
        if (token == null) {
            ObjectNode login = object();
            login.put("name", settings.user());
            login.put("password", settings.password());
            token = send(endpoint, "auth/authenticate", login, timeout == null ? settings.operationTimeout() : timeout)
                    .path("token").asText();
            authToken = token;
        }
        return token;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException unparsable) {
            throw new java.io.UncheckedIOException(unparsable);
        }
    }

    private static SSLContext trusting(EtcdSettings settings) {
        try (InputStream pem = Files.newInputStream(settings.caFile())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("etcd-ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException failure) {
            throw new IllegalArgumentException("vedns.etcd.ca-file " + settings.caFile() + " cannot be used: "
                    + failure.getMessage(), failure);
        }
    }
}

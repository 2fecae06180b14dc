package dev.vedns.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * The admin API over HTTP with the JDK's own clients: JSON in, JSON out. A 4xx/5xx becomes a {@link CliFailure}
 * carrying the server's problem document; a connection that cannot be made names the URL it tried.
 */
final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A whole-state import of 100,000 pairs takes seconds; nothing else comes near this. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private static final String ACCEPT = "application/json, application/problem+json";
    /** A list is fetched this many items at a time: the most the API hands out in one page. */
    private static final int PAGE = 1000;

    static {
        // HttpURLConnection would silently resend a POST whose connection broke: a promotion must go out once.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final String base;
    private final String authorization;
    private final SSLContext tls;
    private final PrintWriter verbose;

    /**
     * @param token the secret to present, or null to present none
     * @param tls   what an https URL is trusted by, or null for the JVM's own authorities
     */
    ApiClient(String base, String token, SSLContext tls, PrintWriter verbose) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = token == null ? null : "Bearer " + token;
        this.tls = tls;
        this.verbose = verbose;
    }

    /** One path segment, escaped: names come from the user and may hold anything. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Object get(String path) {
        return send("GET", path, null);
    }

    Object delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} (a JSON value, or null for none) and returns the parsed answer, or null when empty. */
    Object send(String method, String path, Object body) {
        return Json.parseOrNull(sendText(method, path, body == null ? null : Json.compact(body), null));
    }

    /**
     * The same with a body already in JSON text (a file being imported), and a {@code Prefer} header (RFC 7240)
     * or null.
     */
    String sendText(String method, String path, String json, String prefer) {
        return call(method, path, json, prefer).body();
    }

    /**
     * Every item of a list, page by page (the most a page holds, following each page's {@code Link} to the
     * next), so that a fleet of any size is listed without one huge answer.
     */
    List<Object> all(String path) {
        List<Object> items = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE;
        while (next != null) {
            Reply page = call("GET", next, null, null);
            items.addAll((List<?>) Json.parseOrNull(page.body()));
            next = nextPath(page.link());
        }
        return items;
    }

    /** The path in {@code <path>; rel="next"}, or null without one. */
    private static String nextPath(String link) {
        if (link == null || !link.contains("rel=\"next\"")) {
            return null;
        }
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    private Reply call(String method, String path, String json, String prefer) {
        String url = base + path;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException badUrl) {
            throw CliFailure.usage("'" + url + "' is not a valid URL: " + badUrl.getMessage());
        }
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = method.equals("PATCH") ? patch(uri, json) : exchange(method, uri, json, prefer);
        } catch (IOException | IllegalArgumentException unreachable) {
            throw CliFailure.unreachable(base, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable(base, interrupted);
        }
        if (verbose != null) {
            verbose.printf("%s %s -> %d (%d ms)%n", method, url, reply.status(), (System.nanoTime() - started) / 1_000_000);
        }
        if (reply.status() >= 400) {
            throw CliFailure.refused(reply.status(), reply.body());
        }
        return reply;
    }

    /** @param link the Link header, or null */
    private record Reply(int status, String body, String link) {
    }

    /**
     * Every method but PATCH goes through {@link HttpURLConnection}: it starts in a few milliseconds where the
     * JDK's newer client first sets up TLS (a quarter of a second), and a command line is started per use.
     */
    private Reply exchange(String method, URI uri, String json, String prefer) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (tls != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls.getSocketFactory());
        }
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", ACCEPT);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            if (prefer != null) {
                connection.setRequestProperty("Prefer", prefer);
            }
            if (json != null) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    connection.getHeaderField("Link"));
        } finally {
            connection.disconnect();
        }
    }

    /** {@link HttpURLConnection} refuses PATCH; the JDK's newer client does not. */
    private Reply patch(URI uri, String json) throws IOException, InterruptedException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        HttpClient http = (tls == null ? builder : builder.sslContext(tls)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", ACCEPT)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Link").orElse(null));
    }
}

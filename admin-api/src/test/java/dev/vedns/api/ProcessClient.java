package dev.vedns.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** Talks to a vedns process over HTTP (the JDK's client) and DNS (dnsjava), as an outside user would. */
final class ProcessClient {

    private final VednsProcess vedns;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProcessClient(VednsProcess vedns) {
        this(vedns, null);
    }

    /** @param token the secret sent by default; null for the admin token this vedns wrote into its ./data */
    ProcessClient(VednsProcess vedns, String token) {
        this.vedns = vedns;
        this.token = token;
    }

    /** Sends with this client's token, the admin token by default, as the README's walkthrough does. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, token != null ? token : vedns.adminToken());
    }

    /** @param token the secret to present, or null for none */
    HttpResponse<String> send(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vedns.apiUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The answer section's records as zone-file lines. */
    List<String> answer(String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", vedns.dnsPort));
        resolver.setTimeout(Duration.ofSeconds(3));
        Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN)));
        List<String> lines = new ArrayList<>();
        response.getSection(Section.ANSWER).forEach(record -> lines.add(record.toString()));
        return lines;
    }
}

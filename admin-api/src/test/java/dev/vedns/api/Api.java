package dev.vedns.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The admin API through Micronaut's real HTTP client, with every reply kept raw: status, type, JSON. */
public final class Api {

    /**
     * One HTTP exchange's outcome.
     *
     * @param challenge the WWW-Authenticate header, or null
     * @param link      the Link header (a list's next page), or null
     */
    public record Reply(int status, String contentType, String body, String challenge, String link, JsonMapper mapper) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) parse();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            return (List<Map<String, Object>>) parse();
        }

        private Object parse() {
            try {
                return mapper.readValue(body, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The problem's field errors as "field:rule". */
        @SuppressWarnings("unchecked")
        public List<String> fieldRules() {
            Object errors = json().get("errors");
            if (errors == null) {
                return List.of();
            }
            return ((List<Map<String, Object>>) errors).stream().map(e -> e.get("field") + ":" + e.get("rule")).toList();
        }
    }

    private final HttpClient client;
    private final JsonMapper mapper;
    private final String token;

    /** @param token the secret every request presents, or null for none */
    public Api(HttpClient client, JsonMapper mapper, String token) {
        this.client = client;
        this.mapper = mapper;
        this.token = token;
    }

    /** The same API, presenting another token (null: none). */
    public Api as(String otherToken) {
        return new Api(client, mapper, otherToken);
    }

    public Reply get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    public Reply put(String path, String json) {
        return exchange(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public Reply post(String path, String json) {
        return exchange(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public Reply patch(String path, String json) {
        return exchange(HttpRequest.PATCH(path, json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public Reply delete(String path) {
        return exchange(HttpRequest.DELETE(path));
    }

    public Reply exchange(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return reply(response);
        } catch (HttpClientResponseException refused) {
            return reply(refused.getResponse());
        }
    }

    private Reply reply(HttpResponse<?> response) {
        String body = response.getBody(String.class).orElse("");
        String type = response.getContentType().map(MediaType::toString).orElse("");
        return new Reply(response.code(), type, body, response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE),
                response.getHeaders().get("Link"), mapper);
    }

    /** Registers pg-main (10.0.0.5) and pg-replica-1 (10.0.0.6, fd00::6), and creates the pair mydb. */
    public void standardFleet() {
        replicationSet("pg-main", "10.0.0.5", "pg-replica-1", List.of("10.0.0.6", "fd00::6"), "mydb");
    }

    /** A primary, one replica of it and the set's pair (its reader on the replica), each answering 201. */
    public void replicationSet(String primary, String primaryAddress, String replica, List<String> replicaAddresses,
                               String pair) {
        expect(201, put("/api/v1/servers/" + primary, "{\"replicationRole\":\"Primary\",\"addresses\":[\""
                + primaryAddress + "\"]}"));
        expect(201, put("/api/v1/servers/" + replica, "{\"replicationRole\":\"AsyncReplica\",\"sourceServerName\":\""
                + primary + "\",\"addresses\":[\"" + String.join("\",\"", replicaAddresses) + "\"]}"));
        expect(201, put("/api/v1/servers/" + primary + "/virtual-endpoints/" + pair, "{\"endpointType\":\"ReadWrite\"}"));
    }

    public static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}

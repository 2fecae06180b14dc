package dev.vedns.api;

import dev.vedns.Vedns;
import dev.vedns.api.config.VednsConfiguration;
import dev.vedns.api.security.FirstAdminToken;
import dev.vedns.transport.DnsListener;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The application under test as its users reach it: the admin API and the DNS server on their real ports. */
@Singleton
public class VednsUnderTest {

    private final Api api;
    private final Dns dns;
    private final DnsListener listener;

    private final String adminToken;

    /**
     * The API as the admin token it created at start presents it (none with authentication off); {@link Api#as}
     * for any other token.
     */
    public VednsUnderTest(@Client("/") HttpClient client, JsonMapper mapper, Vedns engine, VednsConfiguration config)
            throws IOException {
        Path file = FirstAdminToken.file(config);
        this.adminToken = Files.exists(file) ? Files.readString(file).trim() : null;
        this.api = new Api(client, mapper, adminToken);
        this.listener = engine.dns();
        this.dns = new Dns(listener);
    }

    public String adminToken() {
        return adminToken;
    }

    public Api api() {
        return api;
    }

    public Dns dns() {
        return dns;
    }

    public DnsListener listener() {
        return listener;
    }

    /** The standard fleet plus pg-big, a primary with 40 IPv6 addresses whose AAAA answer needs EDNS or TCP. */
    public void fleetWithALargeServer() {
        if (api.get("/api/v1/servers/pg-main").status() == 404) {
            api.standardFleet();
            StringBuilder addresses = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                addresses.append(i == 1 ? "" : ",").append("\"fd00::1:").append(i).append('"');
            }
            Api.expect(201, api.put("/api/v1/servers/pg-big",
                    "{\"replicationRole\":\"Primary\",\"addresses\":[" + addresses + "]}"));
        }
    }
}

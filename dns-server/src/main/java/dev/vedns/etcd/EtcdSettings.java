package dev.vedns.etcd;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the shared routing state lives in etcd and how to reach it.
 *
 * @param endpoints        the cluster's client URLs ({@code http://} or {@code https://}), tried in turn
 * @param prefix           the keys' common prefix, so that several zones or fleets can share one etcd
 * @param operationTimeout the longest one read or commit may take before the change is given up (503)
 * @param leaseTtl         how long the fleet's leader keeps leading after it stops renewing its lease (it died):
 *                         another instance leads within this
 * @param user             the etcd user when the cluster has authentication on; null for none
 * @param password         that user's password (never logged); null for none
 * @param caFile           a PEM file of the certificate authority that signed the members' certificates, for
 *                         {@code https://} endpoints; null for the JVM's default trust
 */
public record EtcdSettings(List<URI> endpoints, String prefix, Duration operationTimeout, Duration leaseTtl,
                           String user, String password, Path caFile) {

    /** Each rule of the etcd settings, once: a broken one is refused naming its {@code vedns.etcd.*} key. */
    public EtcdSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("vedns.etcd.endpoints names no etcd member");
        }
        for (URI endpoint : endpoints) {
            if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                    || endpoint.getHost() == null) {
                throw notAnEndpoint(endpoint.toString());
            }
        }
        if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("vedns.etcd.prefix must start and end with '/', as /vedns/; got '"
                    + prefix + "'");
        }
        if (operationTimeout == null || operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new IllegalArgumentException("vedns.etcd.operation-timeout must be positive, as 2s");
        }
        if (leaseTtl == null || leaseTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("vedns.etcd.lease-ttl must be at least 1s, as 5s");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("vedns.etcd.user and a password (vedns.etcd.password or"
                    + " vedns.etcd.password-file) go together");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException("vedns.etcd.ca-file " + caFile + " cannot be read");
        }
    }

    /** An endpoint as configured ({@code http://10.0.0.11:2379}), parsed; the constructor checks the rest. */
    public static URI endpoint(String text) {
        try {
            return URI.create(text.trim());
        } catch (IllegalArgumentException unparsable) {
            throw notAnEndpoint(text);
        }
    }

    private static IllegalArgumentException notAnEndpoint(String text) {
        return new IllegalArgumentException("vedns.etcd.endpoints: '" + text + "' is not an http:// or https:// URL"
                + " of an etcd member");
    }

    @Override
    public String toString() {
        return "EtcdSettings[endpoints=" + endpoints + ", prefix=" + prefix + ", operationTimeout=" + operationTimeout
                + ", leaseTtl=" + leaseTtl + ", user=" + user + "]";
    }
}

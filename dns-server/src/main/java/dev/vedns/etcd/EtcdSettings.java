package dev.vedns.etcd;

import java.net.URI;
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

    public EtcdSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("vedns.etcd.endpoints names no endpoint");
        }
        if (leaseTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("vedns.etcd.lease-ttl must be at least 1s, not " + leaseTtl);
        }
    }

    @Override
    public String toString() {
        return "EtcdSettings[endpoints=" + endpoints + ", prefix=" + prefix + ", operationTimeout=" + operationTimeout
                + ", leaseTtl=" + leaseTtl + ", user=" + user + "]";
    }
}

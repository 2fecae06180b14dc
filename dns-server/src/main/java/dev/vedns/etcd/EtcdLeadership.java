package dev.vedns.etcd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vedns.engine.Leadership;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election of a fleet's leader through an etcd lease: the instance that creates {@code <prefix>leader} bound
 * to its lease leads while it keeps the lease alive; when it dies the lease expires after its TTL and another
 * instance's next try takes the key. An instance counts itself leader only until one TTL (less a margin) after
 * the last keep-alive it sent that etcd confirmed, so it stops before etcd can let another one start.
 */
final class EtcdLeadership implements Leadership, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdLeadership.class);

    private final EtcdGateway gateway;
    private final String key;
    private final Duration ttl;
    private final String me;
    private final Thread campaign;
    private volatile long lease;
    private volatile long leadsUntil;
    private volatile boolean closed;

    EtcdLeadership(EtcdGateway gateway, String prefix, Duration ttl) {
        this.gateway = gateway;
        this.key = prefix + "leader";
        this.ttl = ttl;
        this.me = instanceName();
        this.campaign = new Thread(this::campaign, "vedns-etcd-leadership");
        campaign.setDaemon(true);
    }

    void start() {
        campaign.start();
    }

    @Override
    public boolean leading() {
        return System.nanoTime() < leadsUntil;
    }

    /** Tries to lead, or keeps leading, every third of the TTL. */
    private void campaign() {
        boolean led = false;
        while (!closed) {
            long sent = System.nanoTime();
            try {
                boolean leads = led ? keepAlive() : tryToLead();
                leadsUntil = leads ? sent + ttl.toNanos() * 3 / 4 : 0;
                if (leads != led) {
                    LOG.info(leads ? "This instance ({}) leads the fleet: it runs the probes and sends NOTIFY"
                            : "This instance ({}) no longer leads the fleet", me);
                }
                led = leads;
            } catch (EtcdUnavailable failure) {
                LOG.debug("etcd did not answer the leadership's call: {}", failure.getMessage());
            }
            try {
                Thread.sleep(Math.max(50, ttl.toMillis() / 3));
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    /**
     * While another instance holds the key, nothing; once it is gone (its lease expired or was revoked), takes it
     * bound to a fresh lease, which is given back at once if another instance was quicker.
     */
    private boolean tryToLead() throws EtcdUnavailable {
        if (gateway.call("kv/range", EtcdGateway.keyOf(key)).path("kvs").size() > 0) {
            return false;
        }
        ObjectNode grant = EtcdGateway.object();
        grant.put("TTL", Long.toString(ttl.toSeconds()));
        long fresh = gateway.call("lease/grant", grant).path("ID").asLong();
        ObjectNode txn = EtcdGateway.transactionIf(key, "CREATE", 0);
        ObjectNode put = EtcdGateway.keyOf(key);
        put.put("value", EtcdGateway.base64(me));
        put.put("lease", Long.toString(fresh));
        txn.putArray("success").addObject().set("request_put", put);
        if (gateway.call("kv/txn", txn).path("succeeded").asBoolean(false)) {
            lease = fresh;
            return true;
        }
        revoke(fresh);
        return false;
    }

    private boolean keepAlive() throws EtcdUnavailable {
        ObjectNode alive = EtcdGateway.object();
        alive.put("ID", Long.toString(lease));
        if (gateway.call("lease/keepalive", alive).path("result").path("TTL").asLong(0) > 0) {
            return true;
        }
        lease = 0;
        return false;
    }

    /** Gives the lead up at once: the lease revoked, the key gone with it, so another instance takes over. */
    @Override
    public void close() {
        closed = true;
        campaign.interrupt();
        try {
            campaign.join(5000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        leadsUntil = 0;
        if (lease != 0) {
            revoke(lease);
        }
    }

    private void revoke(long id) {
        ObjectNode revoke = EtcdGateway.object();
        revoke.put("ID", Long.toString(id));
        try {
            gateway.call("lease/revoke", revoke);
        } catch (EtcdUnavailable failure) {
            LOG.debug("The lease was not revoked ({}); it expires by itself", failure.getMessage());
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}

package dev.vedns.transport;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open DNS TCP connections and when each last carried a query. One client address holds at most its share;
 * when the server holds its maximum, the connection idle longest makes room for the new one (RFC 7766 §6.2.3:
 * a server under pressure closes idle connections first), so a flood of idle connections never locks out a
 * client that has a query to ask.
 */
final class TcpConnections {

    /** One open connection; its last activity is written by its own event loop and read by any. */
    static final class Connection {
        private final Channel channel;
        private final InetAddress client;
        private volatile long lastActive;

        private Connection(Channel channel, InetAddress client, long now) {
            this.channel = channel;
            this.client = client;
            this.lastActive = now;
        }

        void active(long now) {
            lastActive = now;
        }
    }

    private final int max;
    private final int maxPerClient;
    private final AtomicInteger open;
    private final Map<Channel, Connection> connections = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();

    /** @param open counts the connections held, for metrics */
    TcpConnections(int max, int maxPerClient, AtomicInteger open) {
        this.max = max;
        this.maxPerClient = maxPerClient;
        this.open = open;
    }

    /**
     * Admits a new connection, closing the idlest other one when the server is full; null (and the caller
     * closes the new one) when its client already holds its share.
     */
    synchronized Connection admit(Channel channel, long now) {
        InetAddress client = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        AtomicInteger held = perClient.computeIfAbsent(client, address -> new AtomicInteger());
        if (held.get() >= maxPerClient) {
            return null;
        }
        if (connections.size() >= max) {
            Connection idlest = null;
            for (Connection connection : connections.values()) {
                if (idlest == null || connection.lastActive < idlest.lastActive) {
                    idlest = connection;
                }
            }
            if (idlest != null) {
                release(idlest.channel);
                idlest.channel.close();
            }
        }
        Connection connection = new Connection(channel, client, now);
        connections.put(channel, connection);
        held.incrementAndGet();
        open.incrementAndGet();
        return connection;
    }

    /** Forgets a connection that closed; a second call for the same channel does nothing. */
    synchronized void release(Channel channel) {
        Connection connection = connections.remove(channel);
        if (connection == null) {
            return;
        }
        open.decrementAndGet();
        AtomicInteger held = perClient.get(connection.client);
        if (held != null && held.decrementAndGet() == 0) {
            perClient.remove(connection.client);
        }
    }
}

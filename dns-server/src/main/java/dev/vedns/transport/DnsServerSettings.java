package dev.vedns.transport;

import java.time.Duration;

/**
 * Where and how the DNS server listens.
 *
 * @param port              UDP and TCP share it; 0 picks a free port (the same for both)
 * @param tcpIdleTimeout    a TCP connection with no query for this long is closed (RFC 7766 §6.2.3)
 * @param tcpMaxConnections connections beyond this are closed at once, so a flood cannot exhaust the server
 * @param threads           event loops (and, with epoll, UDP sockets sharing the port); 0 means one per core
 */
public record DnsServerSettings(String host, int port, Duration tcpIdleTimeout, int tcpMaxConnections, int threads) {

    public int eventLoops() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}

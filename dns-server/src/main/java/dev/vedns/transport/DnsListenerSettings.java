package dev.vedns.transport;

import java.time.Duration;

/**
 * Where and how the DNS server listens.
 *
 * @param port              UDP and TCP share it; 0 picks a free port (the same for both)
 * @param tcpIdleTimeout    a TCP connection with no query for this long is closed (RFC 7766 §6.2.3)
 * @param tcpMaxConnections at this many connections the idlest is closed to admit a new one, so a flood of idle
 *                          connections cannot lock a client with a query out
 * @param tcpMaxConnectionsPerClient one client address holds at most this many; more are closed at once
 * @param rrlResponsesPerSecond answers a second to one client network over UDP (a /24, a /56); 0 for no limit
 * @param rrlSlip           of the answers withheld, every this many is sent truncated; 0 withholds them all
 * @param threads           event loops (and, with epoll, UDP sockets sharing the port); 0 means one per two cores
 */
public record DnsListenerSettings(String host, int port, Duration tcpIdleTimeout, int tcpMaxConnections,
                                  int tcpMaxConnectionsPerClient, int rrlResponsesPerSecond, int rrlSlip,
                                  int threads) {

    /**
     * Half the cores by default: the kernel's own UDP work (softirq, wake-ups) needs the other half. Measured on
     * 2 cores with dnsperf beside the server and 10,000 pairs: one loop answered 1.01x the best
     * peer's saturation at 1.28x its CPU per query, two loops 0.89x at 1.52x.
     */
    public int eventLoops() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}

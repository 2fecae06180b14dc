package dev.vedns.health;

import java.time.Duration;

/**
 * How servers are probed and judged: every {@code interval}, each probe bounded by {@code timeout}; {@code rise}
 * good probes in a row make a server Healthy, {@code fall} bad ones Unhealthy; PostgreSQL is asked on
 * {@code port} of each server's first address (unless the server names its own probe) with {@code login}. A
 * replica further behind than {@code maxReaderLag} bytes leaves the reader; one further than
 * {@code maxSwitchoverLag} may not take over in a Planned switchover.
 */
public record ProbeSettings(Duration interval, Duration timeout, int rise, int fall, int port, PostgresLogin login,
                            long maxReaderLag, long maxSwitchoverLag) {

    public ProbeSettings {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1");
        }
        if (maxReaderLag < 0 || maxSwitchoverLag < 0) {
            throw new IllegalArgumentException("max-reader-lag and max-switchover-lag must not be negative");
        }
    }
}

package dev.vedns.health;

import java.time.Duration;

/**
 * How servers are probed: every {@code interval}, each probe bounded by {@code timeout}; {@code rise} good
 * probes in a row make a server Healthy, {@code fall} bad ones Unhealthy; PostgreSQL is asked on {@code port}
 * of each server's first address with {@code login}.
 */
public record ProbeSettings(Duration interval, Duration timeout, int rise, int fall, int port, PostgresLogin login) {

    public ProbeSettings {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1");
        }
    }
}

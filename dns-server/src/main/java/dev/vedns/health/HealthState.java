package dev.vedns.health;

/** A server's health as its probes judged it: Unknown until they have seen enough to say. */
public enum HealthState {
    Healthy,
    Unhealthy,
    Unknown
}

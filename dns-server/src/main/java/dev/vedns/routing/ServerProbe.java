package dev.vedns.routing;

/**
 * How one server is probed, when it differs from the configured default.
 *
 * @param port the port to probe; null for the configured one
 */
public record ServerProbe(ProbeType type, Integer port) {
}

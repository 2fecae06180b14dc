package dev.vedns.routing;

/**
 * Planned promotions are the ones health checks may refuse (a lagging replica); Forced ones never are.
 * Both route alike today; the option is recorded in the event log.
 */
public enum PromoteOption {
    Planned,
    Forced
}

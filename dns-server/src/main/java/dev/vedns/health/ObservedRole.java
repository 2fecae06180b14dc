package dev.vedns.health;

/** What a probe found a server to be: accepting writes, replaying WAL, or not known (unreachable, TCP only). */
public enum ObservedRole {
    Primary,
    Replica,
    Unknown
}

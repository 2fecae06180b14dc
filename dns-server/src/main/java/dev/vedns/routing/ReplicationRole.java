package dev.vedns.routing;

/** The role a server plays in its replication set, spelled as Azure spells it. */
public enum ReplicationRole {
    Primary,
    AsyncReplica
}

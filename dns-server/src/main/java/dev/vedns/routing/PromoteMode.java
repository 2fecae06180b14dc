package dev.vedns.routing;

/** Azure's two promotions: to primary of the same set, or out of the set as an independent server. */
public enum PromoteMode {
    /** Promote to primary server: the roles swap and the endpoints follow them. */
    Switchover,
    /** Promote to independent server: the replica leaves the set; the set's endpoints stay with the primary. */
    Standalone
}

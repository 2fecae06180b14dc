package dev.vedns.access;

/**
 * What a token may do, each role including the ones before it: a viewer reads, an operator also manages
 * virtual endpoints and promotes replicas, an admin also manages servers, the whole state and tokens.
 */
public enum TokenRole {
    viewer(1),
    operator(2),
    admin(3);

    private final int rank;

    TokenRole(int rank) {
        this.rank = rank;
    }

    /** Whether a token of this role may do what {@code needed} may. */
    public boolean includes(TokenRole needed) {
        return rank >= needed.rank;
    }
}

package dev.vedns.routing;

/** How vedns looks at a server: as PostgreSQL (role, timeline, lag), by a TCP connect only, or not at all. */
public enum ProbeType {
    postgres,
    tcp,
    none
}

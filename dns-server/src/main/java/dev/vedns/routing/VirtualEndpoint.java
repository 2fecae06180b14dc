package dev.vedns.routing;

/**
 * A writer/reader pair of names.
 *
 * @param name         the base name: {@code <name>.writer.<zone>} and {@code <name>.reader.<zone>}
 * @param primaryName  the primary of the replication set the pair belongs to; the writer's target
 * @param readerTarget the server the reader points at: the primary or one of its replicas
 */
public record VirtualEndpoint(String name, String primaryName, String readerTarget) {

    /** Azure's only endpoint type; kept as a constant so the API can echo it. */
    public static final String READ_WRITE = "ReadWrite";

    public VirtualEndpoint withReaderTarget(String target) {
        return new VirtualEndpoint(name, primaryName, target);
    }
}

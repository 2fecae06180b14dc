package dev.vedns.routing;

/**
 * The reader answering another server than the one its user chose, because health probes found the chosen
 * one down or lagging.
 *
 * @param target the server the reader answers instead
 * @param reason why, for a person: what the probes saw of the chosen server
 */
public record ReaderReroute(String target, String reason) {
}

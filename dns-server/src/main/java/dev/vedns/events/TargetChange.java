package dev.vedns.events;

/**
 * Where one endpoint name pointed before a change and after it.
 *
 * @param before the target server's name, or null when the name did not exist before
 * @param after  the target server's name, or null when the name no longer exists
 */
public record TargetChange(String fqdn, String before, String after) {
}

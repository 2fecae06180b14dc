package dev.vedns.routing;

/**
 * One broken rule of one input field.
 *
 * @param field   the field as the client named it, e.g. {@code addresses[1]} or {@code serverName}
 * @param rule    a stable, machine-readable rule name, e.g. {@code pattern}, {@code required}
 * @param message what is wrong and how to fix it, for a person
 */
public record FieldError(String field, String rule, String message) {
}

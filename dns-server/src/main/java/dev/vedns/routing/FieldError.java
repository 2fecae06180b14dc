package dev.vedns.routing;

/**
 * One broken rule of one input field.
 *
 * @param field   the field as the client named it, e.g. {@code addresses[1]} or {@code servers[3].name}
 * @param rule    a stable, machine-readable rule name, e.g. {@code pattern}, {@code required}
 * @param message what is wrong and how to fix it, for a person; it names the field as its item does, so the
 *                same mistake reads the same in a single request and in a whole-state document
 */
public record FieldError(String field, String rule, String message) {

    /** The same error for a field that stands inside an item of a larger document, e.g. {@code servers[3].}. */
    public FieldError under(String place) {
        return new FieldError(place + field, rule, message);
    }
}

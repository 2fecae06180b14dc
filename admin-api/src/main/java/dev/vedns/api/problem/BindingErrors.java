package dev.vedns.api.problem;

import dev.vedns.routing.FieldError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Micronaut's and Jackson's binding messages for people: no argument names of our Java code,
 * no "REDACTED" source notes, and the JSON field by its name when the message names one.
 */
public final class BindingErrors {

    private static final Pattern ARGUMENT_PREFIX = Pattern.compile("^Failed to convert argument \\[\\w+] for value \\[[^]]*] due to: ");
    /** Serde's note of the Java property and class being decoded, nested once per level of the document. */
    private static final Pattern DECODING = Pattern.compile("Error decoding property \\[[^]]*] of type \\[[^]]*]: ");
    private static final Pattern LOCATION = Pattern.compile("\\s*at \\[Source: [^;]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^]]+)] encountered.*");
    private static final Pattern BODY_ARGUMENT = Pattern.compile("^Required Body \\[\\w+] not specified$");

    private BindingErrors() {
    }

    /** A body that could not be read as JSON of its type, as the field error the client gets. */
    public static FieldError unreadable(String raw) {
        return new FieldError(field(raw), rule(raw, "syntax"), message(raw));
    }

    static String message(String raw) {
        String message = DECODING.matcher(ARGUMENT_PREFIX.matcher(raw).replaceFirst("")).replaceAll("");
        message = LOCATION.matcher(message).replaceAll(" (line $1, column $2)").trim();
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.matches()) {
            return "Unknown field '" + unknown.group(1) + "': check its spelling.";
        }
        if (BODY_ARGUMENT.matcher(message).matches()) {
            return "A JSON request body is required.";
        }
        return message;
    }

    /** The JSON field a message is about, or "body" when it concerns the body as a whole. */
    static String field(String raw) {
        Matcher unknown = UNKNOWN_PROPERTY.matcher(ARGUMENT_PREFIX.matcher(raw).replaceFirst(""));
        return unknown.find() ? unknown.group(1) : "body";
    }

    static String rule(String raw, String fallback) {
        return UNKNOWN_PROPERTY.matcher(ARGUMENT_PREFIX.matcher(raw).replaceFirst("")).find() ? "unknownField" : fallback;
    }
}

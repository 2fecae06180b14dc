package dev.vedns.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses the API's enumerated words in any letter case, as {@code az} does. */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E choice : type.getEnumConstants()) {
            if (choice.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /** "A, B" for messages. */
    static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The choice, its default when absent, or a field error naming the accepted words. */
    static <E extends Enum<E>> E parseOr(Class<E> type, String field, String text, E absent, java.util.List<FieldError> errors) {
        if (text == null) {
            if (absent == null) {
                errors.add(new FieldError(field, "required", field + " is required: " + list(type) + "."));
            }
            return absent;
        }
        Optional<E> choice = parse(type, text);
        if (choice.isEmpty()) {
            errors.add(new FieldError(field, "oneOf", field + " '" + text + "' is not one of: " + list(type) + "."));
        }
        return choice.orElse(null);
    }
}

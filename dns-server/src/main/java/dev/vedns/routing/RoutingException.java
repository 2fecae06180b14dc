package dev.vedns.routing;

import java.util.List;

/** A command the routing rules refuse; nothing was changed. */
public final class RoutingException extends RuntimeException {

    /** Why the command was refused; the HTTP layer maps each kind to one status. */
    public enum Kind {
        /** The input breaks a rule of its own (a bad name, a missing field). */
        INVALID,
        /** A server or endpoint named by the command does not exist. */
        NOT_FOUND,
        /** The input is well formed but clashes with the current state. */
        CONFLICT,
        /** The change would reach beyond what the one who asks may touch. */
        FORBIDDEN
    }

    private final Kind kind;
    private final List<FieldError> errors;

    public RoutingException(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public RoutingException(Kind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static RoutingException notFound(String detail) {
        return new RoutingException(Kind.NOT_FOUND, detail);
    }

    public static RoutingException forbidden(String detail, List<FieldError> errors) {
        return new RoutingException(Kind.FORBIDDEN, detail, errors);
    }

    public static RoutingException conflict(String detail) {
        return new RoutingException(Kind.CONFLICT, detail);
    }

    public static RoutingException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.";
        return new RoutingException(Kind.INVALID, detail, errors);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}

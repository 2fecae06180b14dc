package dev.vedns.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is left out, which means {@code about:blank}: the status and
 * title say what kind of problem it is, {@code errors} names each field and the rule it broke.
 */
@Serdeable
public record Problem(String title, int status, String detail, @Nullable List<FieldProblem> errors) {

    /** One broken rule of one field. */
    @Serdeable
    public record FieldProblem(String field, String rule, String message) {
    }
}

package dev.vedns.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Micronaut's own errors (malformed JSON, a missing body, a bad query value, an unknown route, a wrong
 * method) speak problem+json too, so a client handles exactly one error shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConversionErrorException conversion
                && !conversion.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)) {
            return parameterProblem(status, conversion);
        }
        String rule = cause instanceof UnsatisfiedRouteException ? "required"
                : cause instanceof ConversionErrorException ? "type" : "syntax";
        List<Problem.FieldProblem> fields = new ArrayList<>();
        String detail = null;
        for (Error error : context.getErrors()) {
            String message = BindingErrors.message(error.getMessage());
            if (detail == null) {
                detail = message;
            }
            if (error.getPath().isPresent()) {
                fields.add(new Problem.FieldProblem(BindingErrors.field(error.getMessage()),
                        BindingErrors.rule(error.getMessage(), rule), message));
            }
        }
        return Problems.body(status, detail == null ? status.getReason() : detail, fields);
    }

    /** A path or query value of the wrong type: name the parameter and the type it must have. */
    private static Problem parameterProblem(HttpStatus status, ConversionErrorException conversion) {
        String name = conversion.getArgument().getName();
        Object value = conversion.getConversionError().getOriginalValue().orElse("");
        String message = name + " '" + value + "' is not a valid " + conversion.getArgument().getType().getSimpleName()
                .toLowerCase(java.util.Locale.ROOT) + ".";
        return Problems.body(status, message, List.of(new Problem.FieldProblem(name, "type", message)));
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }
}

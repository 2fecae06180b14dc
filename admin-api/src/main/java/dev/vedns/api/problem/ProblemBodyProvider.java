package dev.vedns.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Micronaut's own errors (malformed JSON, a missing body, an unknown route, a wrong method) speak
 * problem+json too, so a client handles exactly one error shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String rule = rule(context);
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

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    private static String rule(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof UnsatisfiedRouteException) {
            return "required";
        }
        if (cause instanceof ConversionErrorException) {
            return "type";
        }
        return "syntax";
    }
}

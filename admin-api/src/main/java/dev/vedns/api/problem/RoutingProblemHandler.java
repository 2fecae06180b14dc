package dev.vedns.api.problem;

import dev.vedns.routing.RoutingException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Translates a refusal of the routing rules into its HTTP status and problem body. */
@Singleton
public class RoutingProblemHandler implements ExceptionHandler<RoutingException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RoutingException refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return Problems.response(status, refusal.detail(), refusal.errors().stream()
                .map(error -> new Problem.FieldProblem(error.field(), error.rule(), error.message()))
                .toList());
    }
}

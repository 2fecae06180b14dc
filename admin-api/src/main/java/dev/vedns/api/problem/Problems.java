package dev.vedns.api.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses, the only error shape the admin API speaks. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail,
                                                        List<Problem.FieldProblem> errors) {
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.of(MEDIA_TYPE))
                .body(body(status, detail, errors));
    }

    public static Problem body(HttpStatus status, String detail, List<Problem.FieldProblem> errors) {
        return new Problem(status.getReason(), status.getCode(), detail, errors.isEmpty() ? null : errors);
    }
}

package dev.vedns.api.security;

import dev.vedns.api.config.VednsConfiguration;
import dev.vedns.api.problem.Problem;
import dev.vedns.api.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.List;

/**
 * Refuses a body larger than its route takes (413) from its declared length, before a byte of it is read:
 * {@code vedns.api.max-body-size} for every route but the whole-state import, which takes up to
 * {@code vedns.api.max-state-size} (as does Micronaut's own limit for bodies sent without a length). Runs
 * after the token filter, so an unauthenticated upload is refused as such.
 */
@ServerFilter("/api/**")
public class BodyLimitFilter implements Ordered {

    private final long maxBody;
    private final long maxState;

    public BodyLimitFilter(VednsConfiguration config) {
        this.maxBody = config.getApi().getMaxBodySize();
        this.maxState = config.getApi().getMaxStateSize();
    }

    @Override
    public int getOrder() {
        return TokenFilter.ORDER + 1;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean wholeState = RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasAnnotation(TakesWholeState.class)).orElse(false);
        long allowed = wholeState ? maxState : maxBody;
        if (length <= allowed) {
            return null;
        }
        String detail = "The body is " + length + " bytes; " + request.getMethodName() + " " + request.getPath()
                + " takes at most " + allowed + " (vedns.api." + (wholeState ? "max-state-size" : "max-body-size") + ").";
        return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail,
                List.of(new Problem.FieldProblem(HttpHeaders.CONTENT_LENGTH, "maxSize", detail)));
    }
}

package dev.vedns.api.problem;

import dev.vedns.storage.StorageException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** A change that could not be made durable was not applied: 503, so clients know to retry. */
@Singleton
public class StorageProblemHandler implements ExceptionHandler<StorageException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StorageException failure) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage(), List.of())
                .header("Retry-After", "5");
    }
}

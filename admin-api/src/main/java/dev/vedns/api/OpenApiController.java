package dev.vedns.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The API's description, generated from the controllers when vedns is built, at {@code /openapi.yml}; and
 * Swagger UI, from its webjar inside the jar (no CDN), at {@code /swagger-ui}. Neither needs a token: they
 * describe the API, and every route they describe still does.
 */
@Controller
@Hidden
public class OpenApiController {

    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/META-INF/swagger/openapi.yml")) {
            if (in == null) {
                throw new IllegalStateException("the build did not generate META-INF/swagger/openapi.yml");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Get("/openapi.yml")
    @Produces("application/yaml")
    public String openApi() {
        return document;
    }

    @Get("/swagger-ui")
    public HttpResponse<Void> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}

package dev.vedns.api.config;

import io.micronaut.context.env.PropertyExpressionResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;
import java.util.Optional;

/**
 * Resolves {@code ${vedns.tls.configured}}: true when {@code vedns.tls.cert-file} is set, so that naming the
 * certificate is all it takes to serve the API over HTTPS (application.yml turns Micronaut's TLS on with it).
 */
public final class TlsConfigured implements PropertyExpressionResolver {

    static final String EXPRESSION = "vedns.tls.configured";

    @Override
    public <T> Optional<T> resolve(PropertyResolver properties, ConversionService conversion, String expression,
                                   Class<T> type) {
        if (!EXPRESSION.equals(expression)) {
            return Optional.empty();
        }
        boolean configured = properties.get("vedns.tls.cert-file", String.class).filter(file -> !file.isBlank())
                .isPresent();
        return conversion.convert(configured, type);
    }
}

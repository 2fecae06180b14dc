package dev.vedns.api;

import dev.vedns.routing.FieldError;
import dev.vedns.routing.RoutingException;
import java.util.List;

/**
 * The {@code dryRun} query parameter, read strictly. Micronaut's own conversion takes any unknown word for
 * false, so a misspelt {@code dryRun=ture} would make the very change the caller only meant to preview.
 */
public final class DryRun {

    private DryRun() {
    }

    /** True for "true", false when absent or "false" (either in any case); any other value is refused. */
    public static boolean requested(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw RoutingException.invalid(List.of(new FieldError("dryRun", "boolean",
                "dryRun must be true or false, not '" + value + "'; nothing was changed.")));
    }
}

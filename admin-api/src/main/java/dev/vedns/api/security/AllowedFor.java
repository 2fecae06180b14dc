package dev.vedns.api.security;

import dev.vedns.access.TokenRole;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a route needs. On a controller it holds for every route of it, on a method for that route; a
 * route under /api without it needs the admin role, so a route nobody thought about is never open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedFor {
    TokenRole value();
}

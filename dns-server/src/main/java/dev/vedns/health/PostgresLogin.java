package dev.vedns.health;

/**
 * How probes log in to PostgreSQL: a database, a role with {@code pg_monitor}, its password (null for none) and
 * the sslmode, as libpq names them.
 */
public record PostgresLogin(String database, String user, String password, String sslmode) {
}

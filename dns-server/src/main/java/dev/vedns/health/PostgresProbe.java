package dev.vedns.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * Asks one PostgreSQL server what it is, over one connection kept between probes (made again after a failure),
 * every step bounded by the timeout: whether it is in recovery, its timeline, its WAL position (a primary's
 * current one, a replica's last replayed one) and how long ago a replica replayed its last transaction. The
 * role needs nothing but {@code pg_monitor}.
 */
public final class PostgresProbe implements Probe {

    /**
     * A primary's timeline is the one of its current WAL file (the last checkpoint's can lag a promotion); a
     * replica's is the one its WAL receiver gets, else the last restart point's.
     */
    private static final String PRIMARY = "select pg_current_wal_lsn()::text,"
            + " ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::bigint";
    private static final String REPLICA = "select pg_last_wal_replay_lsn()::text,"
            + " coalesce((select received_tli from pg_stat_wal_receiver), (pg_control_checkpoint()).timeline_id),"
            + " extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())";

    private final String url;
    private final Properties properties;
    private final int timeoutSeconds;
    private final Clock clock;
    private Connection connection;

    public PostgresProbe(String host, int port, PostgresLogin login, Duration timeout, Clock clock) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/" + login.database();
        this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        this.properties = new Properties();
        properties.setProperty("user", login.user());
        if (login.password() != null) {
            properties.setProperty("password", login.password());
        }
        properties.setProperty("sslmode", login.sslmode());
        properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", "vedns probe");
        this.clock = clock;
    }

    @Override
    public synchronized Observation probe() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, properties);
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                boolean recovering = single(statement, "select pg_is_in_recovery()").getBoolean(1);
                ResultSet row = single(statement, recovering ? REPLICA : PRIMARY);
                String lsn = row.getString(1);
                long timeline = row.getLong(2);
                Double replaySeconds = recovering ? nullable(row.getDouble(3), row.wasNull()) : null;
                return new Observation(clock.instant(), true, recovering ? ObservedRole.Replica : ObservedRole.Primary,
                        timeline, lsn == null ? -1 : Observation.lsn(lsn), replaySeconds,
                        (recovering ? "in recovery" : "accepting writes") + " on timeline " + timeline + " at " + lsn);
            }
        } catch (SQLException | RuntimeException failure) {
            close();
            return Observation.unreachable(clock.instant(), url + ": " + failure.getMessage());
        }
    }

    private static ResultSet single(Statement statement, String sql) throws SQLException {
        ResultSet row = statement.executeQuery(sql);
        if (!row.next()) {
            throw new SQLException("no row from " + sql);
        }
        return row;
    }

    private static Double nullable(double value, boolean wasNull) {
        return wasNull ? null : value;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being dropped because it failed; its close failing too says nothing new.
            }
            connection = null;
        }
    }
}

package dev.vedns.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The small JDBC program of the end-to-end test, run as its own JVM inside the namespace: it connects to the URL
 * it is given (a writer or reader name, resolved by the JVM through the system resolver) and prints where it
 * landed, as {@code <in recovery>|<server address>}.
 */
public final class JdbcClient {

    private JdbcClient() {
    }

    public static void main(String[] arguments) throws Exception {
        try (Connection connection = DriverManager.getConnection(arguments[0], arguments[1], null);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_is_in_recovery(), host(inet_server_addr())")) {
            row.next();
            System.out.println((row.getBoolean(1) ? "t" : "f") + "|" + row.getString(2));
        }
    }
}

package fi.voimala.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Gives a service's tests their own database on the machine's real PostgreSQL (no Docker here, so no Dev
 * Services): creates it when missing and points both the reactive and the JDBC (Flyway) datasource at it.
 * Init argument {@code database}: the database name, e.g. {@code partners_test}. Host, port, user and password
 * come from VOIMALA_PG_HOST/PORT/USER/PASSWORD, as for ./voimala. VOIMALA_TEST_DB_SUFFIX (letters and
 * underscores), when set, is appended to the name, so that two checkouts built at once on one machine do not share
 * a database whose migrations differ.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("PostgresTestDatabase needs init arg 'database' ([a-z_]+)");
        }
        String suffix = env("VOIMALA_TEST_DB_SUFFIX", "");
        if (!suffix.matches("[a-z_]*")) {
            throw new IllegalArgumentException("VOIMALA_TEST_DB_SUFFIX may hold only a-z and _, not '" + suffix + "'");
        }
        database = database + suffix;
    }

    @Override
    public Map<String, String> start() {
        String host = env("VOIMALA_PG_HOST", "127.0.0.1");
        String port = env("VOIMALA_PG_PORT", "5432");
        Properties credentials = new Properties();
        credentials.setProperty("user", env("VOIMALA_PG_USER", "postgres"));
        credentials.setProperty("password", env("VOIMALA_PG_PASSWORD", ""));
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", credentials);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + host + ":" + port
                    + " is needed by the tests and does not answer (" + e.getMessage() + ")", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server + database,
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", credentials.getProperty("user"),
                "quarkus.datasource.password", credentials.getProperty("password"));
    }

    @Override
    public void stop() {
        // The database stays: Flyway keeps it current, and each test cleans up what it made.
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

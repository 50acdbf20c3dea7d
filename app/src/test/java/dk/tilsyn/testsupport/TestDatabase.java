package dk.tilsyn.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one database of this test JVM, chosen by the system property {@code tilsyn.it.db} ({@code h2} or
 * {@code postgres}). Every Spring context of the run points at it, so contexts cached by Spring share its data.
 */
public final class TestDatabase {

    public static final String PROPERTY = "tilsyn.it.db";
    public static final String POSTGRES_HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;
    static final String POSTGRES_USER = "postgres";
    /** The database the machines provide; new test databases are created from a connection to it. */
    static final String POSTGRES_ADMIN_DB = "test";

    private static volatile TestDatabase instance;

    private final String kind;
    private final String url;
    private final String username;

    private TestDatabase(String kind, String url, String username) {
        this.kind = kind;
        this.url = url;
        this.username = username;
    }

    public static String kind() {
        return System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isPostgres() {
        return "postgres".equals(kind());
    }

    /** Creates the database on first use. */
    public static TestDatabase get() {
        TestDatabase db = instance;
        if (db == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = create(kind());
                }
                db = instance;
            }
        }
        return db;
    }

    private static TestDatabase create(String kind) {
        String name = "tilsyn_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (kind) {
            case "h2" -> new TestDatabase(kind, "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa");
            case "postgres" -> createPostgres(name);
            default -> throw new IllegalStateException(
                    "Unknown -D" + PROPERTY + "=" + kind + ": expected h2 or postgres");
        };
    }

    private static TestDatabase createPostgres(String name) {
        execute(adminUrl(), "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // FORCE: connection pools of contexts still closing must not keep the database alive.
                execute(adminUrl(), "drop database if exists " + name + " with (force)");
            } catch (IllegalStateException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }, "drop-" + name));
        return new TestDatabase("postgres", "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + name,
                POSTGRES_USER);
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + POSTGRES_ADMIN_DB;
    }

    private static void execute(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " refused: " + sql, e);
        }
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String kindName() {
        return kind;
    }

    /** The Spring properties that point an application at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", "");
        return properties;
    }
}

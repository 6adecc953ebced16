package kr.fm.arrears.support;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test class its own, freshly made PostgreSQL database: classes cannot see each other's
 * rows, and a test starts from the migrations alone. The database is a copy of a template migrated once
 * per set of migrations ({@code CREATE DATABASE … TEMPLATE}, a file copy): migrating every class's
 * schema from nothing was a few seconds a class, the largest part of starting one. The server is found
 * by the same rule as the service's (DatabaseLocator has already run when this customizer is applied);
 * Flyway still runs in each context and finds nothing left to apply.
 */
public class DatabasePerTestClass implements ContextCustomizerFactory {

    private static final String MIGRATIONS = "classpath:db/migration";
    /** Made once per JVM; the forks agree on it through an advisory lock and its name. */
    private static String template;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
        return new Customizer("t_" + testClass.getSimpleName().toLowerCase());
    }

    private record Customizer(String name) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment env = context.getEnvironment();
            String url = env.getProperty("spring.datasource.url");
            String user = env.getProperty("spring.datasource.username");
            String password = env.getProperty("spring.datasource.password", "");
            String database = database(url) + "_" + name;
            copyTemplate(url, user, password, database);
            env.getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                    "spring.datasource.url", withDatabase(url, database),
                    // Quartz keys its connection providers by scheduler name, JVM-wide: one name per context
                    "spring.quartz.scheduler-name", name)));
        }
    }

    private static void copyTemplate(String url, String user, String password, String database) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            String from = template(c, url, user, password);
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " TEMPLATE " + from);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make test database " + database + " at " + url, e);
        }
    }

    /**
     * The migrated template for this set of migrations (named by their digest), made by the first JVM
     * that needs it: built under another name and renamed when complete, so a half-migrated template is
     * never copied, and older templates are dropped.
     */
    private static synchronized String template(Connection c, String url, String user, String password) throws SQLException {
        if (template != null) {
            return template;
        }
        String prefix = database(url) + "_tpl_";
        String name = prefix + migrationsDigest();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('" + prefix + "'))");
            try {
                if (!exists(s, name)) {
                    try (ResultSet old = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
                        List<String> stale = new java.util.ArrayList<>();
                        while (old.next()) {
                            stale.add(old.getString(1));
                        }
                        for (String db : stale) {
                            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                        }
                    }
                    String building = name + "_new";
                    s.execute("CREATE DATABASE " + building);
                    Flyway.configure().dataSource(withDatabase(url, building), user, password).locations(MIGRATIONS)
                            .load().migrate();
                    s.execute("ALTER DATABASE " + building + " RENAME TO " + name);
                }
            } finally {
                s.execute("SELECT pg_advisory_unlock(hashtext('" + prefix + "'))");
            }
        }
        template = name;
        return name;
    }

    private static boolean exists(Statement s, String database) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return r.next();
        }
    }

    /** The first 12 hex digits of a SHA-256 over every migration's name and content, in name order. */
    private static String migrationsDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(MIGRATIONS + "/**/*.sql");
            Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
            for (Resource r : scripts) {
                sha.update(r.getFilename().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = r.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the migrations", e);
        }
    }

    /** The database a JDBC URL names: {@code jdbc:postgresql://host:port/NAME?params}. */
    private static String database(String url) {
        String path = url.substring(url.indexOf("//") + 2);
        String rest = path.substring(path.indexOf('/') + 1);
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private static String withDatabase(String url, String database) {
        String head = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        String rest = url.substring(head.length());
        int q = rest.indexOf('?');
        return head + database + (q < 0 ? "" : rest.substring(q));
    }
}

package kr.fm.arrears.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test class its own, freshly made PostgreSQL schema: classes cannot see each other's
 * rows, and a test starts from the migrations alone. The database itself is found by the same rule
 * as the service's (DatabaseLocator has already run when this customizer is applied).
 */
public class SchemaPerTestClass implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
        return new Customizer("t_" + testClass.getSimpleName().toLowerCase());
    }

    private record Customizer(String schema) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment env = context.getEnvironment();
            recreate(env.getProperty("spring.datasource.url"), env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password", ""));
            env.getPropertySources().addFirst(new MapPropertySource("testSchema", Map.of(
                    "spring.datasource.hikari.schema", schema,
                    "spring.flyway.schemas", schema,
                    "spring.flyway.default-schema", schema,
                    // Quartz keys its connection providers by scheduler name, JVM-wide: one name per context
                    "spring.quartz.scheduler-name", schema)));
        }

        private void recreate(String url, String user, String password) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make test schema " + schema + " at " + url, e);
            }
        }
    }
}

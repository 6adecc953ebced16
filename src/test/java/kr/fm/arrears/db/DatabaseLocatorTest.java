package kr.fm.arrears.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** Where the service finds its database: configured URL, else localhost:5432, else embedded. */
class DatabaseLocatorTest {

    private final DatabaseLocator locator = new DatabaseLocator(new DeferredLogs());

    @Test
    void a_configured_url_wins() {
        MockEnvironment env = new MockEnvironment().withProperty("ARREARS_DB_URL", "jdbc:postgresql://db.example:5432/x");
        locator.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/x");
        assertThat(env.getProperty("arrears.db.source")).isEqualTo("configured URL");
    }

    @Test
    void without_a_url_the_local_server_is_used_and_the_database_created_if_missing() throws Exception {
        String name = "arrears_locator_probe";
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
        MockEnvironment env = new MockEnvironment().withProperty("arrears.db.name", name);
        locator.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/" + name);
        try (var c = DriverManager.getConnection(env.getProperty("spring.datasource.url"), "postgres", "")) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void with_nothing_reachable_the_embedded_server_is_used_or_root_is_told_the_two_ways_out(@TempDir Path data) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("arrears.db.local-server", "jdbc:postgresql://localhost:1/")
                .withProperty("arrears.db.embedded-dir", data.toString());
        if ("root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(() -> locator.postProcessEnvironment(env, new SpringApplication()))
                    .hasMessageContaining("refuses to run as root")
                    .hasMessageContaining("ARREARS_DB_URL")
                    .hasMessageContaining("non-root user");
        } else {
            locator.postProcessEnvironment(env, new SpringApplication());
            assertThat(env.getProperty("arrears.db.source")).isEqualTo("embedded PostgreSQL under ./data");
            assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://localhost:54329/");
        }
    }
}

package kr.fm.arrears.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.db.DatabaseLocator;
import kr.fm.arrears.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service as a real operating-system process (this test JVM's class path, its own port), on a
 * schema of its own, with the scheduler on: what kill -9 and a second instance need. Its output goes
 * to {@code target/drills/<name>.log}. Settings shortened for drills: heartbeat 1 s, a run is abandoned
 * after 5 s of silence, recovery looks every 2 s, the dispatcher every second, and the contact window
 * is open all day (the drills run whenever CI does; quiet hours have tests of their own).
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "drill-admin-password";
    static final String WEBHOOK_SECRET = "drill-webhook-secret";

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, List<String> command, int port, Path log) {
        this.name = name;
        this.command = command;
        this.port = port;
        this.log = log;
    }

    /** The database of this test run: ARREARS_DB_URL, else ARREARS_DB_NAME (default arrears) on localhost:5432. */
    static String databaseUrl() {
        String url = System.getenv("ARREARS_DB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String name = System.getenv().getOrDefault("ARREARS_DB_NAME", "arrears");
        DatabaseLocator.createDatabaseIfMissing("jdbc:postgresql://localhost:5432/", name, "postgres", "");
        return "jdbc:postgresql://localhost:5432/" + name;
    }

    /** Drops and re-creates the schema; the first service started on it migrates it. */
    static void freshSchema(String url, String schema) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** A data source on the schema, for the drill's own queries and the portfolio generator. */
    static DriverManagerDataSource dataSource(String url, String schema) {
        DriverManagerDataSource ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "postgres", "");
        return ds;
    }

    static JdbcClient jdbc(String url, String schema) {
        return JdbcClient.create(dataSource(url, schema));
    }

    /** Starts the process and waits (up to 3 minutes) until it reports UP. */
    static ServiceProcess start(String name, String url, String schema, Map<String, String> settings) {
        return start(name, url, schema, settings, List.of("-Xmx512m"));
    }

    /** The same with the JVM's own options, e.g. {@code -Xmx256m} for a heap ceiling a drill proves enough. */
    static ServiceProcess start(String name, String url, String schema, Map<String, String> settings, List<String> jvm) {
        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", String.valueOf(port));
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.hikari.schema", schema);
        props.put("spring.datasource.hikari.maximum-pool-size", "6");
        props.put("spring.flyway.schemas", schema);
        props.put("spring.flyway.default-schema", schema);
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.kr.fm.arrears", "INFO");
        // the drills' portfolios end in October 2026: their world starts on 5 November, whatever today is
        props.put("arrears.clock.starts-at", "2026-11-05T09:00:00+09:00[Asia/Seoul]");
        props.put("arrears.scheduling.enabled", "true");
        props.put("arrears.messaging.provider", "generic");
        props.put("arrears.security.admin-password", ADMIN_PASSWORD);
        props.put("arrears.security.bcrypt-strength", "4");
        // live messaging refuses to start with the shipped secret (security/ProductionDefaults)
        props.put("arrears.messaging.webhook.secret", WEBHOOK_SECRET);
        // ... and without the management company every message would name (no test profile here)
        props.put("arrears.company.name", "(주)새봄공장관리");
        props.put("arrears.company.phone", "031-8000-1234");
        props.put("arrears.company.contact", "오세진 대리");
        props.put("arrears.company.email", "arrears@saebom-fm.co.kr");
        props.put("arrears.escalation.heartbeat", "PT1S");
        props.put("arrears.escalation.abandoned-after", "PT5S");
        props.put("arrears.escalation.recovery-interval", "PT2S");
        props.put("arrears.messaging.dispatch-interval", "PT1S");
        props.put("arrears.messaging.claim-timeout", "PT5S");
        props.put("arrears.messaging.quiet.opens", "00:00");
        props.put("arrears.messaging.quiet.closes", "23:59:59.999999999");
        props.put("arrears.messaging.quiet.hold-sundays", "false");
        props.put("arrears.messaging.quiet.hold-holidays", "false");
        props.putAll(settings);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        // a drill's service lives a minute or two: C1 alone starts it sooner and costs the other JVMs less CPU
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ArrearsApplication.class.getName()));
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target", "drills", name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(name, command, port, log);
        service.launch();
        return service;
    }

    /** Starts it again after a kill or a stop, same port, same settings; output appended to the same log. */
    void launch() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUp(Duration.ofMinutes(3));
    }

    private void awaitUp(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was up: " + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not up within " + limit + ": " + tail());
    }

    Api api() {
        return Api.at(port, "admin", ADMIN_PASSWORD);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no finally block, no graceful anything. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (alive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waiting out a fixed interval between polls (the condition itself is checked by the caller). */
    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

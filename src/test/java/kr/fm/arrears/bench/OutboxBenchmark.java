package kr.fm.arrears.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.messaging.Dispatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Throughput of the outbox, apart from the tests: enqueue N reminders through {@code StageReached}
 * (rendered from the templates, arrears computed), then let D dispatchers send them to a WireMock
 * provider on loopback, and print messages per second for both. Not run by {@code ./mvnw test}.
 * Arguments: [messages=5000] [dispatchers=2] [batchSize=20] [provider=jdk|wiremock]. Uses schema "bench" of
 * ARREARS_DB_URL. The default provider is the JDK's own HTTP server answering 200 from 8 threads: WireMock
 * (matching, journal, Jetty) costs more CPU per request than the service's dispatcher on a 2-core machine.
 */
public final class OutboxBenchmark {

    /** The messaging provider's stand-in on 127.0.0.1: answers every POST /v1/messages with 200 at once. */
    private interface Provider {
        String baseUrl();

        int requests();

        void stop();
    }

    private static final class JdkProvider implements Provider {
        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        JdkProvider() throws IOException {
            // without TCP_NODELAY each answer waits out the client's delayed ACK (about 40 ms a message)
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(8));
            byte[] answer = "{\"messageId\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
            server.createContext("/v1/messages", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    requests.incrementAndGet();
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public int requests() {
            return requests.get();
        }

        public void stop() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static final class WireMockProvider implements Provider {
        private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));

        WireMockProvider() {
            server.start();
            server.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"bench\"}")));
        }

        public String baseUrl() {
            return server.baseUrl();
        }

        public int requests() {
            return server.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).size();
        }

        public void stop() {
            server.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int dispatchers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/arrears_messaging");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            s.execute("CREATE SCHEMA bench");
        }
        Provider provider = args.length > 3 && args[3].equals("wiremock") ? new WireMockProvider() : new JdkProvider();

        // command-line arguments, so they win over application.yml (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class).run(Arrays.stream(new String[] {
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.hikari.schema=bench", "spring.flyway.schemas=bench", "spring.flyway.default-schema=bench",
                "spring.datasource.hikari.maximum-pool-size=" + (dispatchers + 2),
                "arrears.scheduling.enabled=false", "arrears.messaging.mode=live", "arrears.security.admin-password=bench-admin",
                "arrears.messaging.webhook.secret=bench-webhook-secret",
                "arrears.messaging.gateway.base-url=" + provider.baseUrl(),
                "arrears.messaging.batch-size=" + batchSize,
                // a Wednesday morning in Seoul, inside the contact window whenever the benchmark runs
                "arrears.clock.fixed=2026-04-15T10:00:00+09:00[Asia/Seoul]",
                "server.port=0", "logging.level.root=WARN"}).map(p -> "--" + p).toArray(String[]::new));
        try {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            RestClient.create("http://localhost:" + port).post().uri("/api/imports/leases")
                    .headers(h -> h.setBasicAuth("admin", "bench-admin"))
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .body(Files.readAllBytes(Path.of("docs/examples/leases.csv"))).retrieve().toBodilessEntity();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long leaseId = jdbc.sql("SELECT id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            ApplicationEventPublisher events = app;

            long t0 = System.nanoTime();
            for (int from = 0; from < count; from += 500) {
                int first = from;
                tx.executeWithoutResult(s -> {
                    for (int i = first; i < Math.min(first + 500, count); i++) {
                        events.publishEvent(new StageReached(i + 1, leaseId, Stage.FINAL_REMINDER, List.of(Channel.SMS),
                                "final-reminder", LocalDate.of(2026, 3, 31)));
                    }
                });
            }
            double enqueueSeconds = (System.nanoTime() - t0) / 1e9;

            Dispatcher dispatcher = app.getBean(Dispatcher.class);
            ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
            long t1 = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int d = 0; d < dispatchers; d++) {
                results.add(pool.submit(dispatcher::drain));
            }
            int sent = 0;
            for (Future<Integer> r : results) {
                sent += r.get();
            }
            double dispatchSeconds = (System.nanoTime() - t1) / 1e9;
            pool.shutdown();

            int seen = provider.requests();
            long sentRows = jdbc.sql("SELECT count(*) FROM message WHERE state = 'SENT'").query(Long.class).single();
            Figures figures = new Figures("outbox");
            figures.printf("enqueued %d reminders via StageReached in %.2f s: %.0f messages/s", count, enqueueSeconds,
                    count / enqueueSeconds);
            figures.printf("dispatched %d (provider %s saw %d requests, %d rows SENT) with %d dispatcher(s), batch %d, in %.2f s: %.0f messages/s",
                    sent, provider.getClass().getSimpleName(), seen, sentRows, dispatchers, batchSize, dispatchSeconds,
                    sent / dispatchSeconds);
            figures.write();
        } finally {
            app.close();
            provider.stop();
        }
    }
}

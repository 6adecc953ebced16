package kr.fm.arrears.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
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
 * Arguments: [messages=5000] [dispatchers=2] [batchSize=20]. Uses schema "bench" of ARREARS_DB_URL.
 */
public final class OutboxBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int dispatchers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/arrears_messaging");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            s.execute("CREATE SCHEMA bench");
        }
        WireMockServer provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
        provider.start();
        provider.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"bench\"}")));

        // command-line arguments, so they win over application.yml (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class).run(Arrays.stream(new String[] {
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.hikari.schema=bench", "spring.flyway.schemas=bench", "spring.flyway.default-schema=bench",
                "spring.datasource.hikari.maximum-pool-size=" + (dispatchers + 2),
                "arrears.scheduling.enabled=false", "arrears.messaging.mode=live", "arrears.security.admin-password=bench-admin",
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

            int seen = provider.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).size();
            long sentRows = jdbc.sql("SELECT count(*) FROM message WHERE state = 'SENT'").query(Long.class).single();
            System.out.printf("enqueued %d reminders via StageReached in %.2f s: %.0f messages/s%n", count, enqueueSeconds,
                    count / enqueueSeconds);
            System.out.printf("dispatched %d (provider saw %d requests, %d rows SENT) with %d dispatcher(s), batch %d, in %.2f s: %.0f messages/s%n",
                    sent, seen, sentRows, dispatchers, batchSize, dispatchSeconds, sent / dispatchSeconds);
        } finally {
            app.close();
            provider.stop();
        }
    }
}

package kr.fm.arrears.bench;

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
import kr.fm.arrears.escalation.Policies;
import kr.fm.arrears.escalation.Policy;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.messaging.Dispatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Throughput of the outbox, apart from the tests: enqueue N reminders through {@code UpcomingDue}
 * (rendered from the templates, arrears computed), then let D dispatchers send them to a provider stub
 * on loopback — the per-message generic gateway, then Solapi's bulk groups, in the same run — and print
 * messages per second for each (docs/performance.md). Not run by {@code ./mvnw test}. Uses schema
 * "bench" of ARREARS_DB_URL. The stubs are the JDK's own HTTP server: WireMock (matching, journal, Jetty)
 * costs more CPU per request than the service's dispatcher on a 2-core machine.
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

    /**
     * Solapi's group API on 127.0.0.1, answering at once: a group id, one accepted result per message
     * added (counted by our custom field, without parsing the body), and the send.
     */
    private static final class SolapiStub implements Provider {
        private final HttpServer server;
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicInteger groups = new AtomicInteger();

        SolapiStub() throws IOException {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/messages/v4/groups", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String path = exchange.getRequestURI().getPath();
                    String answer;
                    if (path.endsWith("/messages")) {
                        int n = body.split("\"arrearsKey\"", -1).length - 1;
                        added.addAndGet(n);
                        StringBuilder list = new StringBuilder("{\"errorCount\":0,\"resultList\":[");
                        for (int i = 0; i < n; i++) {
                            list.append(i == 0 ? "" : ",").append("{\"messageId\":\"M").append(i)
                                    .append("\",\"statusCode\":\"2000\",\"statusMessage\":\"정상 접수\"}");
                        }
                        answer = list.append("]}").toString();
                    } else if (path.endsWith("/send")) {
                        answer = "{\"status\":\"SENDING\"}";
                    } else {
                        answer = "{\"groupId\":\"G" + groups.incrementAndGet() + "\",\"status\":\"PENDING\"}";
                    }
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            server.start();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public int requests() {
            return added.get();
        }

        public void stop() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private record Measured(int enqueued, double enqueueSeconds, int sent, int providerSaw, long rowsSent, double dispatchSeconds) {}

    /**
     * Arguments: [messages=20000] [dispatchers=2] [bulkBatch=2000] [baselineMessages=5000] [baselineBatch=50]:
     * the per-message gateway (the baseline) and Solapi's bulk groups, measured one after the other in
     * this run, each on a fresh schema.
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int dispatchers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int bulkBatch = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int baselineCount = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        int baselineBatch = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        Figures figures = new Figures("outbox");
        Provider generic = new JdkProvider();
        try {
            report(figures, "per message (generic gateway, one request each)", generic, baselineBatch,
                    measure("generic", generic, baselineCount, dispatchers, baselineBatch));
        } finally {
            generic.stop();
        }
        Provider solapi = new SolapiStub();
        try {
            report(figures, "bulk (Solapi groups: create, add, send)", solapi, bulkBatch,
                    measure("solapi", solapi, count, dispatchers, bulkBatch));
        } finally {
            solapi.stop();
        }
        figures.write();
    }

    private static void report(Figures figures, String what, Provider provider, int batch, Measured m) {
        figures.printf("%s: enqueued %d reminders in %.2f s (%.0f/s); dispatched %d (provider took %d, %d rows SENT) "
                        + "with batch %d in %.2f s: %.0f messages/s", what, m.enqueued(), m.enqueueSeconds(),
                m.enqueued() / m.enqueueSeconds(), m.sent(), m.providerSaw(), m.rowsSent(), batch, m.dispatchSeconds(),
                m.sent() / m.dispatchSeconds());
    }

    private static Measured measure(String providerName, Provider provider, int count, int dispatchers, int batchSize)
            throws Exception {
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/arrears_messaging");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            s.execute("CREATE SCHEMA bench");
        }
        // command-line arguments, so they win over application.yml (default properties would not)
        List<String> settings = new ArrayList<>(List.of(
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.hikari.schema=bench", "spring.flyway.schemas=bench", "spring.flyway.default-schema=bench",
                "spring.datasource.hikari.maximum-pool-size=" + (dispatchers + 2),
                "arrears.scheduling.enabled=false", "arrears.messaging.mode=live", "arrears.security.admin-password=bench-admin",
                "arrears.messaging.provider=" + providerName,
                "arrears.messaging.webhook.secret=bench-webhook-secret",
                "arrears.messaging.gateway.base-url=" + provider.baseUrl(),
                "arrears.messaging.solapi.base-url=" + provider.baseUrl(), "arrears.messaging.solapi.api-key=BENCH",
                "arrears.messaging.solapi.api-secret=bench-secret", "arrears.messaging.solapi.pf-id=KA01PFBENCH",
                "arrears.messaging.batch-size=" + batchSize,
                // a Wednesday morning in Seoul, inside the contact window whenever the benchmark runs
                "arrears.clock.fixed=2026-04-15T10:00:00+09:00[Asia/Seoul]",
                "server.port=0", "logging.level.root=WARN"));
        for (String code : List.of("ARR_UPCOMING", "ARR_REMIND_1", "ARR_REMIND_2", "ARR_FINAL", "ARR_RESOLVED")) {
            settings.add("arrears.messaging.solapi.templates." + code + "=KA01TPBENCH" + code);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class)
                .run(settings.stream().map(p -> "--" + p).toArray(String[]::new));
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

            // the building's ladder sends the friendly reminder by SMS (the default: AlimTalk)
            Policies policies = app.getBean(Policies.class);
            long building = jdbc.sql("SELECT building_id FROM lease WHERE id = ?").param(leaseId).query(Long.class).single();
            List<Policy.StageRule> rules = new java.util.ArrayList<>(policies.effective(Policies.Scope.DEFAULT).policy().rules());
            Policy.StageRule upcoming = rules.get(Stage.UPCOMING.ordinal());
            rules.set(Stage.UPCOMING.ordinal(), new Policy.StageRule(Stage.UPCOMING, upcoming.enabled(), upcoming.trigger(),
                    upcoming.threshold(), List.of(Channel.SMS), upcoming.template(), false, false));
            policies.put(new Policies.Scope(null, building), rules, "bench");

            // friendly reminders, one per due date, of a lease that owes: each stays true at the last look
            long t0 = System.nanoTime();
            for (int from = 0; from < count; from += 500) {
                int first = from;
                // as a run publishes them: one page of 500 at a time
                List<UpcomingDue> page = java.util.stream.IntStream.range(first, Math.min(first + 500, count))
                        .mapToObj(i -> new UpcomingDue(leaseId, LocalDate.of(2026, 4, 16).plusDays(i), 3_630_000,
                                LocalDate.of(2026, 4, 15))).toList();
                tx.executeWithoutResult(s -> events.publishEvent(new StepsApplied(List.of(), page)));
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
            long sentRows = jdbc.sql("SELECT count(*) FROM message WHERE state = 'SENT'").query(Long.class).single();
            return new Measured(count, enqueueSeconds, sent, provider.requests(), sentRows, dispatchSeconds);
        } finally {
            app.close();
        }
    }
}

package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12's drill: anonymous callers try to exhaust and lock the service, all at once, against the
 * service as its own process with a 256 MB heap. 10 concurrent large bodies (half with a declared
 * length, half chunked; 60 MB each in the small size, 500 MB with {@code -Ddrills.size=large},
 * generated while sent) go to each upload endpoint and the webhook, while 1,000 wrong passwords for
 * {@code admin} arrive from 127.0.0.1. Then: the service answered its health check throughout;
 * {@code admin} signs in at once from another address (127.0.0.2), and from the attacker's own
 * address with the right password 15 minutes after the last attempt (the service restarted with its
 * clock property, {@code arrears.clock.fixed}, 15 minutes on: no sleeping); nothing was stored; the
 * audit chain is intact. Figures go to {@code target/drills/abuse-figures.txt}.
 */
class AbuseDrillTest {

    static final long MB = 1024 * 1024;
    static final ZonedDateTime ATTACK = ZonedDateTime.parse("2026-04-15T10:00:00+09:00[Asia/Seoul]");
    static final String OTHER_ADDRESS = "127.0.0.2";

    record Endpoint(String path, boolean multipart, String contentType, boolean signedIn) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/imports/leases", true, null, true),
            new Endpoint("/api/imports/leases", false, "text/csv", true),
            new Endpoint("/api/imports/payments", true, null, true),
            new Endpoint("/api/imports/payments", false, "text/csv", true),
            new Endpoint("/api/notices/verify", true, null, true),
            new Endpoint("/api/messaging/receipts", false, "application/json", false));

    @Test
    void large_bodies_and_a_thousand_wrong_passwords_neither_exhaust_nor_lock_the_service() throws Exception {
        DrillSize size = DrillSize.current();
        long bodySize = size == DrillSize.LARGE ? 500 * MB : 60 * MB;
        int wrongSignIns = 1_000;
        String url = ServiceProcess.databaseUrl();
        String schema = "drill_abuse";
        ServiceProcess.freshSchema(url, schema);
        JdbcClient jdbc = ServiceProcess.jdbc(url, schema);
        String admin = OversizeBodiesTest.basic(Api.ADMIN, ServiceProcess.ADMIN_PASSWORD);
        List<String> figures = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool();

        try (ServiceProcess service = ServiceProcess.start("abuse", url, schema,
                Map.of("arrears.clock.fixed", ATTACK.toString()), List.of("-Xmx256m"))) {
            int port = service.port();
            Map<String, Long> before = counts(jdbc);
            AtomicBoolean attacking = new AtomicBoolean(true);

            // health from a third address, heap from the ADMIN's own address, all through the attack
            ConcurrentLinkedQueue<long[]> health = new ConcurrentLinkedQueue<>();
            AtomicLong heapPeak = new AtomicLong();
            CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
                while (attacking.get()) {
                    long started = System.nanoTime();
                    int status = get("127.0.0.3", port, "/actuator/health", Map.of()).status();
                    health.add(new long[] {status, (System.nanoTime() - started) / 1_000_000});
                    RawHttp.Answer heap = get(OTHER_ADDRESS, port, "/actuator/metrics/jvm.memory.used?tag=area:heap",
                            Map.of("Authorization", admin));
                    heapPeak.accumulateAndGet((long) value(heap), Math::max);
                    ServiceProcess.pause(Duration.ofMillis(250));
                }
            }, pool);

            long started = System.nanoTime();
            List<CompletableFuture<String>> bodies = new ArrayList<>();
            for (Endpoint e : ENDPOINTS) {
                for (int i = 0; i < 10; i++) {
                    boolean chunked = i % 2 == 1;
                    bodies.add(CompletableFuture.supplyAsync(() -> {
                        RawHttp.Body body = e.multipart() ? RawHttp.Body.multipart("big.csv", bodySize)
                                : RawHttp.Body.of(e.contentType(), bodySize);
                        RawHttp.Answer a = post(OTHER_ADDRESS, port, e.path(),
                                e.signedIn() ? Map.of("Authorization", admin) : Map.of(), body, chunked);
                        return e.path() + (e.multipart() ? " multipart" : " " + e.contentType())
                                + (chunked ? " chunked" : " declared") + " → " + a.status() + " after " + a.bytesSent() / MB + " MB";
                    }, pool));
                }
            }
            HttpClient http = HttpClient.newBuilder().executor(pool).build();
            AtomicInteger refused = new AtomicInteger();
            List<CompletableFuture<Void>> guesses = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                guesses.add(CompletableFuture.runAsync(() -> {
                    for (int i = thread; i < wrongSignIns; i += 8) {
                        HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leases"))
                                .header("Authorization", OversizeBodiesTest.basic(Api.ADMIN, "guess-" + i)).build());
                        if (r.statusCode() == 401) {
                            refused.incrementAndGet();
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(guesses.toArray(CompletableFuture[]::new)).get();
            double guessSeconds = (System.nanoTime() - started) / 1e9;
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<String> b : bodies) {
                answers.add(b.get());
            }
            double bodySeconds = (System.nanoTime() - started) / 1e9;
            attacking.set(false);
            watch.get();

            assertThat(answers).as("every large body refused with 413").allSatisfy(a -> assertThat(a).contains("→ 413"));
            assertThat(refused.get()).isEqualTo(wrongSignIns);
            assertThat(health).isNotEmpty().allSatisfy(h -> assertThat(h[0]).as("health answered").isEqualTo(200));
            assertThat(service.alive()).isTrue();
            assertThat(Files.readString(service.log())).doesNotContain("OutOfMemoryError");

            // the real admin, at the office (another address), is not held back by the attacker
            assertThat(get(OTHER_ADDRESS, port, "/api/leases", Map.of("Authorization", admin)).status()).isEqualTo(200);
            // the attacker's address waits, even with the right password
            assertThat(get("127.0.0.1", port, "/api/leases", Map.of("Authorization", admin)).status()).isEqualTo(401);
            assertThat(counts(jdbc)).as("nothing stored").isEqualTo(before);
            // (127.0.0.1 is the attacker's: the ADMIN reads from the office)
            assertThat(get(OTHER_ADDRESS, port, "/api/audit/verify", Map.of("Authorization", admin)).json())
                    .contains("\"intact\":true");
            long waits = Drills.count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_WAIT'");
            long failed = Drills.count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'LOGIN_FAILED'");
            assertThat(waits).as("one wait, audited once").isEqualTo(1);

            long[] latencies = health.stream().mapToLong(h -> h[1]).sorted().toArray();
            figures.add("size " + size + ": " + ENDPOINTS.size() + " endpoints x 10 bodies of " + bodySize / MB
                    + " MB (5 declared, 5 chunked) and " + wrongSignIns + " wrong passwords for admin, at once, -Xmx256m");
            figures.add(wrongSignIns + " wrong passwords answered " + String.format("%.1f", guessSeconds)
                    + " s after the start; every body answered by " + String.format("%.1f", bodySeconds) + " s");
            figures.add("health checks: " + latencies.length + ", all 200; median " + latencies[latencies.length / 2]
                    + " ms, max " + latencies[latencies.length - 1] + " ms; heap used peak " + heapPeak.get() / MB + " MB of 256");
            figures.add("audit: " + failed + " LOGIN_FAILED, " + waits + " SIGN_IN_WAIT; rows stored: none; chain intact");
            answers.stream().distinct().sorted().forEach(figures::add);
        }

        // 15 minutes after the last attempt, by the service's clock: the right password from the
        // attacker's own address works again
        try (ServiceProcess later = ServiceProcess.start("abuse-later", url, schema,
                Map.of("arrears.clock.fixed", ATTACK.plusMinutes(15).toString()), List.of("-Xmx256m"))) {
            assertThat(get("127.0.0.1", later.port(), "/api/leases", Map.of("Authorization", admin)).status()).isEqualTo(200);
            assertThat(later.api().get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
            figures.add("15 minutes later (clock property): admin signs in from 127.0.0.1 with the right password → 200");
        } finally {
            pool.shutdownNow();
        }
        Path out = Path.of("target", "drills", "abuse-figures.txt");
        Files.write(out, figures);
        figures.forEach(System.out::println);
    }

    static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("landlord", "lease", "payment", "message_receipt", "webhook_delivery", "notice")) {
            counts.put(table, Drills.count(jdbc, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    static RawHttp.Answer get(String from, int port, String path, Map<String, String> headers) {
        try {
            return RawHttp.get(from, port, path, headers, Duration.ofMinutes(1));
        } catch (IOException e) {
            return new RawHttp.Answer(-1, e.toString(), 0);
        }
    }

    static RawHttp.Answer post(String from, int port, String path, Map<String, String> headers, RawHttp.Body body,
            boolean chunked) {
        try {
            return RawHttp.post(from, port, path, headers, body, chunked, Duration.ofMinutes(3));
        } catch (IOException e) {
            return new RawHttp.Answer(-1, e.toString(), 0);
        }
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double value(RawHttp.Answer metric) {
        try {
            return new ObjectMapper().readTree(metric.json()).path("measurements").path(0).path("value").asDouble();
        } catch (IOException e) {
            return 0;
        }
    }
}

package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kr.fm.arrears.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as its own process with a 256 MB heap, sent the bodies that took it down (issue 12,
 * rows 1, 2 and the process half of 9): each is a 413 problem, the heap ceiling stays 256 MB, no
 * OutOfMemoryError, the service answers on, nothing stored; a production start refuses the shipped
 * webhook secret and keeps a generated password out of the log.
 */
class OversizeBodiesTest {

    static final long MB = 1024 * 1024;
    static final Duration WAIT = Duration.ofMinutes(2);
    static final java.util.concurrent.ExecutorService SENDERS = java.util.concurrent.Executors.newFixedThreadPool(4);

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void two_480_mb_receipts_and_a_100_mb_csv_are_413_problems_under_a_256_mb_heap_and_nothing_is_stored() throws Exception {
        String url = ServiceProcess.databaseUrl();
        String schema = "drill_oversize";
        ServiceProcess.freshSchema(url, schema);
        JdbcClient jdbc = ServiceProcess.jdbc(url, schema);
        try (ServiceProcess service = ServiceProcess.start("oversize", url, schema, Map.of(), List.of("-Xmx256m"))) {
            Api api = service.api();
            double heapMax = heapMax(api);
            String admin = basic(Api.ADMIN, ServiceProcess.ADMIN_PASSWORD);
            int port = service.port();

            // row 1: anonymous, any Authorization header, declared and chunked
            List<CompletableFuture<RawHttp.Answer>> receipts = new ArrayList<>();
            for (boolean chunked : new boolean[] {false, true}) {
                for (int i = 0; i < 2; i++) {
                    receipts.add(CompletableFuture.supplyAsync(() -> send(port, "/api/messaging/receipts",
                            Map.of("Authorization", "Foo", "X-Signature", "00"),
                            RawHttp.Body.of("application/json", 480 * MB), chunked), SENDERS));
                }
            }
            for (CompletableFuture<RawHttp.Answer> r : receipts) {
                assertThat(r.get().status()).as(r.get().raw()).isEqualTo(413);
                assertThat(r.get().raw()).contains("application/problem+json", "limitBytes");
            }
            // row 2: a MANAGER's (here the ADMIN's) 100 MB payment import as a raw CSV body, and a 25 MB one
            for (long size : new long[] {100 * MB, 25 * MB}) {
                for (boolean chunked : new boolean[] {false, true}) {
                    RawHttp.Answer csv = send(port, "/api/imports/payments", Map.of("Authorization", admin),
                            RawHttp.Body.of("text/csv", size), chunked);
                    assertThat(csv.status()).as(size / MB + " MB, chunked " + chunked + ": " + csv.raw()).isEqualTo(413);
                    assertThat(csv.raw().length()).as("a short answer, no error list").isLessThan(4096);
                }
            }
            RawHttp.Answer multipart = send(port, "/api/imports/payments", Map.of("Authorization", admin),
                    RawHttp.Body.multipart("payments.csv", 100 * MB), true);
            assertThat(multipart.status()).as(multipart.raw()).isEqualTo(413);

            assertThat(service.alive()).isTrue();
            assertThat(api.get("/actuator/health").body().get("status").asText()).isEqualTo("UP");
            assertThat(heapMax(api)).as("heap ceiling").isEqualTo(heapMax).isLessThanOrEqualTo(256.0 * MB);
            assertThat(Files.readString(service.log())).doesNotContain("OutOfMemoryError");
            for (String table : List.of("payment", "message_receipt", "webhook_delivery")) {
                assertThat(Drills.count(jdbc, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(api.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void a_production_start_keeps_the_generated_password_out_of_the_log_and_refuses_the_shipped_webhook_secret()
            throws Exception {
        String url = ServiceProcess.databaseUrl();
        String schema = "drill_defaults";
        ServiceProcess.freshSchema(url, schema);
        Path passwordFile = Path.of("target", "drills", "initial-admin-password").toAbsolutePath();
        Files.deleteIfExists(passwordFile);
        try (ServiceProcess service = ServiceProcess.start("defaults", url, schema,
                Map.of("arrears.security.admin-password", "", "arrears.security.admin-password-file", passwordFile.toString()))) {
            String password = Files.readString(passwordFile).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            // the file is written before the line that names it: wait for the line, not for luck
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.readString(service.log()).contains(passwordFile.toString()));
            assertThat(Files.readString(service.log())).contains(passwordFile.toString()).doesNotContain(password);
            assertThat(Api.at(service.port(), Api.ADMIN, password).get("/api/leases").status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> ServiceProcess.start("live-default-secret", url, schema,
                Map.of("arrears.messaging.mode", "live", "arrears.messaging.webhook.secret", "change-me")).close())
                .hasMessageContaining("ARREARS_MESSAGING_WEBHOOK_SECRET");
    }

    static RawHttp.Answer send(int port, String path, Map<String, String> headers, RawHttp.Body body, boolean chunked) {
        try {
            return RawHttp.post("127.0.0.1", port, path, headers, body, chunked, WAIT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double heapMax(Api api) {
        return api.get("/actuator/metrics/jvm.memory.max?tag=area:heap").body().get("measurements").get(0).get("value").asDouble();
    }
}

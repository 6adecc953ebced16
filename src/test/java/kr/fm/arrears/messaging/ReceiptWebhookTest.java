package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The provider's receipt webhook as an attacker meets it (issue 12, rows 4 and 5): no user and no
 * Authorization header needed, but a signature over timestamp, delivery id and body; an old
 * timestamp, a replayed delivery and an oversized body change nothing and store nothing.
 */
@ServiceTest
class ReceiptWebhookTest extends MessagingTestBase {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    record Delivery(String id, Instant at, byte[] body) {}

    Delivery delivery(String requestId, Instant at) {
        return new Delivery(UUID.randomUUID().toString(), at, ("{\"requestId\":\"" + requestId
                + "\",\"status\":\"DELIVERED\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** As a real provider posts it: no Authorization header, no cookie, no CSRF token. */
    HttpResponse<String> send(Delivery d, String secret, HttpRequest.BodyPublisher body) throws Exception {
        String timestamp = String.valueOf(d.at().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + "." + d.id() + ".").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(d.body()));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messaging/receipts"))
                .header("Content-Type", "application/json").header("X-Timestamp", timestamp).header("X-Delivery-Id", d.id())
                .header("X-Signature", signature).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(Delivery d) throws Exception {
        return send(d, SECRET, HttpRequest.BodyPublishers.ofByteArray(d.body()));
    }

    long sentCase() {
        PROVIDER.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"p-9\"}")));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);
        dispatcher.drain();
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
        return caseId;
    }

    long receipts() {
        return jdbc.sql("SELECT count(*) FROM message_receipt").query(Long.class).single();
    }

    @Test
    void a_signed_receipt_without_an_authorization_header_is_applied_once_and_its_replay_changes_nothing() throws Exception {
        long caseId = sentCase();
        Delivery d = delivery("case:" + caseId + ":FINAL_REMINDER:SMS", clock.instant());
        HttpResponse<String> first = send(d);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("CHANGED");
        assertThat(only(caseId).state()).isEqualTo(MessageState.DELIVERED);
        long audit = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> replay = send(d);
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).contains("DUPLICATE");
        }
        assertThat(receipts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(audit);
    }

    @Test
    void a_receipt_signed_more_than_five_minutes_from_our_clock_or_with_another_secret_is_refused() throws Exception {
        long caseId = sentCase();
        String requestId = "case:" + caseId + ":FINAL_REMINDER:SMS";
        for (Duration off : new Duration[] {Duration.ofMinutes(-6), Duration.ofMinutes(6)}) {
            HttpResponse<String> stale = send(delivery(requestId, clock.instant().plus(off)));
            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(stale.body()).contains("5분 넘게");
        }
        Delivery d = delivery(requestId, clock.instant());
        assertThat(send(d, "change-me", HttpRequest.BodyPublishers.ofByteArray(d.body())).statusCode()).isEqualTo(401);
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
        assertThat(receipts()).isZero();
        // within the window it is fine, four minutes late included
        assertThat(send(delivery(requestId, clock.instant().minus(Duration.ofMinutes(4)))).statusCode()).isEqualTo(200);
    }

    @Test
    void a_fifteen_megabyte_signed_receipt_is_a_413_problem_and_nothing_is_stored() throws Exception {
        long caseId = sentCase();
        byte[] huge = new byte[15 * 1024 * 1024];
        byte[] head = ("{\"requestId\":\"case:" + caseId + ":FINAL_REMINDER:SMS\",\"status\":\"DELIVERED\",\"reason\":\"")
                .getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(huge, (byte) 'a');
        System.arraycopy(head, 0, huge, 0, head.length);
        huge[huge.length - 2] = '"';
        huge[huge.length - 1] = '}';
        Delivery d = new Delivery(UUID.randomUUID().toString(), clock.instant(), huge);
        HttpResponse<String> declared = send(d);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // chunked, without a length to refuse up front: cut off while reading at 256 KB
        HttpResponse<String> chunked = send(d, SECRET, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("limitBytes");
        assertThat(receipts()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery").query(Long.class).single()).isZero();
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
    }
}

package kr.fm.arrears.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery receipts from the messaging provider: {@code {"requestId", "status": DELIVERED|FAILED, "reason"}}.
 * Each delivery carries {@code X-Timestamp} (Unix seconds), {@code X-Delivery-Id} and
 * {@code X-Signature} = hex HMAC-SHA256 of {@code timestamp + "." + deliveryId + "." + raw body}: a
 * delivery more than {@link #TOLERANCE} from our clock is refused, and a delivery id is applied once
 * (a replay answers DUPLICATE, stores nothing). A SENT message becomes DELIVERED or FAILED (a failed
 * AlimTalk then falls back to SMS); any other state is left as it is.
 */
@Component
public class Receipts {

    public enum Outcome { CHANGED, UNCHANGED, DUPLICATE }

    /** How far a delivery's timestamp may be from our clock, either way (clock skew plus retries). */
    public static final java.time.Duration TOLERANCE = java.time.Duration.ofMinutes(5);

    private final Outbox outbox;
    private final Transitions transitions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final byte[] secret;

    Receipts(Outbox outbox, Transitions transitions, JdbcClient jdbc, ObjectMapper json, Clock clock,
            MessagingProperties properties) {
        this.outbox = outbox;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.secret = properties.webhook().secret().getBytes(StandardCharsets.UTF_8);
    }

    /** Hex HMAC-SHA256 of {@code timestamp.deliveryId.body}; what the provider puts in {@code X-Signature}. */
    public String sign(String timestamp, String deliveryId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a delivery is refused (null: signed, fresh and well-formed). */
    public String refusal(String timestamp, String deliveryId, byte[] body, String signature) {
        if (signature == null || timestamp == null || deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
            return "X-Timestamp, X-Delivery-Id(100자 이하), X-Signature 헤더가 있어야 합니다.";
        }
        String given = signature.trim().toLowerCase().replaceFirst("^sha256=", "");
        // constant time, so the signature cannot be guessed byte by byte
        if (!MessageDigest.isEqual(sign(timestamp, deliveryId, body).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            return "X-Signature가 공유 비밀로 만든 timestamp.deliveryId.body의 HMAC-SHA256이 아닙니다.";
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (RuntimeException e) {
            return "X-Timestamp는 Unix 초여야 합니다.";
        }
        if (java.time.Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return "X-Timestamp가 서비스 시계와 5분 넘게 차이 납니다. 다시 보내졌거나 늦은 전달은 받지 않습니다.";
        }
        return null;
    }

    /**
     * Applies a receipt whose delivery was checked ({@link #refusal}), once per delivery id: a replay
     * is DUPLICATE and stores nothing. A receipt that cannot be applied leaves the id unused, so the
     * provider may retry it.
     */
    @Transactional
    public Outcome apply(String deliveryId, byte[] body) {
        if (jdbc.sql("INSERT INTO webhook_delivery (delivery_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(deliveryId, Timestamp.from(clock.instant())).update() == 0) {
            return Outcome.DUPLICATE;
        }
        JsonNode receipt;
        try {
            receipt = json.readTree(body);
        } catch (IOException e) {
            throw InvalidInput.of("body", null, "JSON이어야 합니다");
        }
        String requestId = text(receipt, "requestId");
        String status = text(receipt, "status");
        if (requestId == null) {
            throw InvalidInput.of("requestId", null, "값이 있어야 합니다");
        }
        if (!"DELIVERED".equals(status) && !"FAILED".equals(status)) {
            throw InvalidInput.of("status", status, "DELIVERED 또는 FAILED여야 합니다");
        }
        String reason = text(receipt, "reason");
        String key = requestId.replaceFirst("#resend-\\d+$", "");
        Message m = outbox.findByKeyForUpdate(key).orElseThrow(() -> new NotFound("message with request id", requestId));
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO message_receipt (message_id, status, reason, received_at, payload) VALUES (?, ?, ?, ?, ?)")
                .params(m.id(), status, reason, Timestamp.from(now), new String(body, StandardCharsets.UTF_8)).update();
        if (m.state() != MessageState.SENT) {
            return Outcome.UNCHANGED;
        }
        if ("DELIVERED".equals(status)) {
            transitions.delivered(m, now);
        } else {
            transitions.failed(m, "제공사: " + (reason == null ? "전달되지 않음" : reason), now);
        }
        return Outcome.CHANGED;
    }

    private static String text(JsonNode node, String field) {
        String text = node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
        if (text != null && text.indexOf('\0') >= 0) {
            throw InvalidInput.of(field, null, "NUL 문자가 있으면 안 됩니다");
        }
        return text;
    }
}

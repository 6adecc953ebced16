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
 * Delivery receipts from the messaging provider: {@code {"requestId", "status": DELIVERED|FAILED, "reason"}},
 * signed with HMAC-SHA256 over the raw body. A SENT message becomes DELIVERED or FAILED (a failed
 * AlimTalk then falls back to SMS); any other state is left as it is, so repeated receipts are harmless.
 */
@Component
public class Receipts {

    public enum Outcome { CHANGED, UNCHANGED }

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

    /** Hex HMAC-SHA256 of the body; what the provider puts in {@code X-Signature}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean signatureValid(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        String given = signature.trim().toLowerCase().replaceFirst("^sha256=", "");
        // constant time, so the signature cannot be guessed byte by byte
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** Applies a receipt whose signature was checked. */
    @Transactional
    public Outcome apply(byte[] body) {
        JsonNode receipt;
        try {
            receipt = json.readTree(body);
        } catch (IOException e) {
            throw InvalidInput.of("body", null, "must be JSON");
        }
        String requestId = text(receipt, "requestId");
        String status = text(receipt, "status");
        if (requestId == null) {
            throw InvalidInput.of("requestId", null, "is required");
        }
        if (!"DELIVERED".equals(status) && !"FAILED".equals(status)) {
            throw InvalidInput.of("status", status, "must be DELIVERED or FAILED");
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
            transitions.failed(m, "provider: " + (reason == null ? "not delivered" : reason), now);
        }
        return Outcome.CHANGED;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}

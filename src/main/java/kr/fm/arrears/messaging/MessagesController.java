package kr.fm.arrears.messaging;

import kr.fm.arrears.shared.Viewer;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to whom, and why not; resending a failed message; the provider's receipts. */
@RestController
class MessagesController {

    private final Outbox outbox;
    private final Resends resends;
    private final Receipts receipts;

    MessagesController(Outbox outbox, Resends resends, Receipts receipts) {
        this.outbox = outbox;
        this.resends = resends;
        this.receipts = receipts;
    }

    @GetMapping("/api/messages")
    List<Message> list(Viewer viewer, @RequestParam(required = false) Long caseId, @RequestParam(required = false) Long leaseId,
            @RequestParam(required = false) MessageState state, @RequestParam(required = false) Channel channel,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return outbox.list(viewer, new Outbox.Filter(caseId, leaseId, state, channel == null ? null : channel.name(),
                Math.max(1, Math.min(limit, 1000)), Math.max(0, offset)));
    }

    @GetMapping("/api/messages/{id}")
    Message one(Viewer viewer, @PathVariable long id) {
        return outbox.find(viewer, id).orElseThrow(() -> new NotFound("message", id));
    }

    /** Only a FAILED message is resent (a sent one would reach the tenant twice): 409 otherwise. */
    @PostMapping("/api/messages/{id}/resend")
    Message resend(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return resends.resend(id, body == null ? null : body.get("reason"));
    }

    /** The provider's signed delivery receipts (security: the webhook chain, no user; BodyLimits: 256 KB). */
    @PostMapping("/api/messaging/receipts")
    ResponseEntity<?> receipt(@RequestHeader(name = "X-Signature", required = false) String signature,
            @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Delivery-Id", required = false) String deliveryId, @RequestBody byte[] body) {
        String refusal = receipts.refusal(timestamp, deliveryId, body, signature);
        if (refusal != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refusal);
            problem.setTitle("서명이 맞지 않습니다");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        return ResponseEntity.ok(Map.of("outcome", receipts.apply(deliveryId, body)));
    }
}

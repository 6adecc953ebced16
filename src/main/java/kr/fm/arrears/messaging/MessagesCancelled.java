package kr.fm.arrears.messaging;

import java.util.List;

/** Claimed messages no longer true at their turn (the last look), each with its reason. */
public record MessagesCancelled(List<Cancelled> messages) {

    public record Cancelled(long messageId, long leaseId, String key, MessageKind kind, CancelReason reason, Long caseId,
            String stage, String channel) {}
}

package kr.fm.arrears.messaging;

import java.util.List;

/**
 * Claimed messages that could not say what they must at their turn (the landlord's account was gone),
 * HELD with the reason instead of being sent. Held when queued, a message is in {@link MessagesQueued} as HELD.
 */
public record MessagesHeld(List<Held> messages) {

    public record Held(long messageId, long leaseId, String key, MessageKind kind, HoldReason reason, Long caseId,
            String stage, String channel) {}
}

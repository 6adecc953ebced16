package kr.fm.arrears.messaging;

import java.time.Instant;
import java.util.List;

/**
 * HELD messages rendered again with what they lacked and back in the queue under their own keys, because
 * {@code actor} supplied it ({@code why}: e.g. the landlord's account was set). Those no longer true by then
 * are in a {@link MessagesCancelled} of the same transaction instead.
 */
public record MessagesReleased(String actor, String why, List<Released> messages) {

    public record Released(long messageId, long leaseId, String key, MessageKind kind, HoldReason reason, Instant heldAt,
            Long caseId, String stage, String channel) {}
}

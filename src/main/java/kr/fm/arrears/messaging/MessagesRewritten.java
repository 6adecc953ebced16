package kr.fm.arrears.messaging;

import java.util.List;

/**
 * Queued messages whose text prints the account, rendered again because {@code actor} corrected it
 * ({@code why}): they still wait for their turn, now naming the account as it is.
 */
public record MessagesRewritten(String actor, String why, List<Rewritten> messages) {

    public record Rewritten(long messageId, long leaseId, String key, MessageKind kind, Long caseId, String stage,
            String channel) {}
}

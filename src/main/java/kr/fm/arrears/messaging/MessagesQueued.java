package kr.fm.arrears.messaging;

import java.util.List;

/**
 * Messages entered the outbox (a page of a run's, in the order inserted): QUEUED to be sent, SKIPPED
 * as never sendable, or FAILED because their template could not be filled in.
 */
public record MessagesQueued(List<Queued> messages) {

    /** {@code fallbackOf}: the AlimTalk this SMS stands in for, null for a stage's own message. */
    public record Queued(long messageId, long leaseId, String key, Long caseId, String stage, String channel,
            MessageKind kind, MessageState state, String reason, Long fallbackOf) {}
}

package kr.fm.arrears.messaging;

import java.util.List;

/** A dispatched batch's messages the provider accepted ({@code demo}: marked sent, never left the building). */
public record MessagesSent(boolean demo, List<Sent> messages) {

    public record Sent(long messageId, long leaseId, String key, MessageKind kind, int attempt, String providerId) {}
}

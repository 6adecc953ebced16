package kr.fm.arrears.messaging;

/** The provider reported a sent message delivered. */
public record MessageDelivered(long messageId, long leaseId, String key, MessageKind kind) {}

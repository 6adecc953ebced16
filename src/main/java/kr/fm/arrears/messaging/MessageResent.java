package kr.fm.arrears.messaging;

/** A person sent a FAILED message again. */
public record MessageResent(String actor, long messageId, long leaseId, String key, MessageKind kind, String reason,
        String previousError) {}

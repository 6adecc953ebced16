package kr.fm.arrears.messaging;

/** A message failed for good (rejected, out of attempts, or reported undelivered). */
public record MessageFailed(long messageId, long leaseId, String key, MessageKind kind, String reason, int attempt) {}

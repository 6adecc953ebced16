package kr.fm.arrears.messaging;

/** A failed AlimTalk got its one SMS/LMS fallback ({@code previousError}: the AlimTalk's last error before it failed). */
public record MessageFellBack(long messageId, long leaseId, String key, String previousError, MessagesQueued.Queued fallback) {}

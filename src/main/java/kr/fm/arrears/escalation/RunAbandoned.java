package kr.fm.arrears.escalation;

import java.time.Instant;

/** A run whose process was lost was taken over by {@code resumedBy}, after its committed pages. */
public record RunAbandoned(String actor, long runId, String reason, String previousOwner, Instant lastHeartbeat,
        int pagesCommitted, int leasesDone, String resumedBy) {}

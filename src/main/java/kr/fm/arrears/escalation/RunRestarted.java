package kr.fm.arrears.escalation;

/** A run that ended UNKNOWN (a page's rollback failed) was restarted after the pages that committed. */
public record RunRestarted(String actor, long runId, String reason, int pagesCommitted, int leasesDone) {}

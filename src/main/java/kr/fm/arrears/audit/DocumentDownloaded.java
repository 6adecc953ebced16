package kr.fm.arrears.audit;

import java.util.Map;

/**
 * Someone downloaded {@code document} ({@code file}) about a subject, with the facts worth keeping.
 * Published by a module that itself reads the audit log (the evidence pack holds an audit extract):
 * its event is declared here so that the audit module, which listens to every module, does not
 * depend on that one in turn.
 */
public record DocumentDownloaded(String actor, String document, String file, String subjectType, long subjectId, Long leaseId,
        Map<String, Object> details) {}

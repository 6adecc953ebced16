package kr.fm.arrears.notice;

import java.util.List;

/** A page of notices the escalation asked for, drafted as their first version (one event per page). */
public record NoticesDrafted(String actor, List<Drafted> notices) {

    /** One new notice: its case, lease and kind. */
    public record Drafted(long noticeId, long caseId, long leaseId, NoticeKind kind) {}
}

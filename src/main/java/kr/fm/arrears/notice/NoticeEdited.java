package kr.fm.arrears.notice;

import java.util.List;

/** A MANAGER saved a new version; {@code consentWithdrawn} names whose consent the old wording had (null: none). */
public record NoticeEdited(String actor, long noticeId, long leaseId, int version, NoticeStatus status, List<String> diff,
        String consentWithdrawn) {}

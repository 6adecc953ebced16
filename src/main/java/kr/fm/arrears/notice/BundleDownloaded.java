package kr.fm.arrears.notice;

import java.util.List;

/** A MANAGER downloaded one post-office bundle holding these letters (one event per bundle). */
public record BundleDownloaded(String actor, List<Letter> letters) {

    /** One approved PDF of the bundle. */
    public record Letter(long noticeId, long leaseId, String documentNo, String sha256) {}
}

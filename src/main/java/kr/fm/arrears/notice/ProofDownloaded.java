package kr.fm.arrears.notice;

/** Someone downloaded a delivery proof or certified copy of a notice. */
public record ProofDownloaded(String actor, long noticeId, long leaseId, DeliveryProofs.Kind kind, long proofId, String sha256) {}

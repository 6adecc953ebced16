package kr.fm.arrears.notice;

/** A MANAGER attached the post office's 배달증명 or 등본 to the notice's latest posting. */
public record ProofAttached(String actor, long noticeId, long leaseId, long proofId, DeliveryProofs.Kind kind, String fileName,
        int size, String sha256, Long postingId) {}

package kr.fm.arrears.notice;

/** Someone downloaded a payment plan's 분할납부 약정서 PDF. */
public record PlanAgreementDownloaded(String actor, long planId, long caseId, long leaseId, String sha256) {}

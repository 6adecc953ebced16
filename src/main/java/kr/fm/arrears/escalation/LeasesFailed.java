package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/** The leases of a page the run could not decide (a run error each, recorded once per run). */
public record LeasesFailed(long runId, LocalDate businessDate, List<Failed> leases) {

    public record Failed(long leaseId, String reason) {}
}

package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.escalation.CasePaused;
import kr.fm.arrears.escalation.CaseResumed;
import kr.fm.arrears.escalation.InstalmentPaid;
import kr.fm.arrears.escalation.LeasesFailed;
import kr.fm.arrears.escalation.PlanAgreed;
import kr.fm.arrears.escalation.PlanBroken;
import kr.fm.arrears.escalation.PlanKept;
import kr.fm.arrears.escalation.PolicyChanged;
import kr.fm.arrears.escalation.RunAbandoned;
import kr.fm.arrears.escalation.RunRestarted;
import kr.fm.arrears.escalation.RunVoided;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StepsRecorded;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What escalation did, as the audit log keeps it. A run's page is one event and one append to the
 * chain, in the order the page wrote its rows. Listeners run in the publisher's transaction.
 */
@Component
@RequiredArgsConstructor
class EscalationTrail {

    private final AuditLog log;

    @EventListener
    void on(StepsRecorded page) {
        Object date = page.businessDate();
        long run = page.runId();
        List<AuditLog.Event> events = new ArrayList<>();
        page.opened().forEach(o -> events.add(system(AuditAction.CASE_OPENED, "CASE", o.caseId(), o.leaseId(), null,
                "businessDate", date, "runId", run)));
        page.stages().forEach(s -> events.add(system(s.reached() ? AuditAction.STAGE_REACHED : AuditAction.STAGE_SKIPPED,
                "CASE", s.caseId(), s.leaseId(), null, "stage", s.stage(), "businessDate", date, "runId", run)));
        page.stages().stream().filter(s -> s.stage() == Stage.RESOLVED).forEach(s -> events.add(system(
                AuditAction.CASE_RESOLVED, "CASE", s.caseId(), s.leaseId(), null, "businessDate", date, "runId", run)));
        for (UpcomingDue u : page.upcoming()) {
            events.add(system(AuditAction.STAGE_REACHED, "LEASE", u.leaseId(), u.leaseId(), null, "stage", Stage.UPCOMING,
                    "dueDate", u.dueDate(), "amount", u.amount(), "businessDate", date, "runId", run));
        }
        log.recordAll(events);
    }

    @EventListener
    void on(LeasesFailed e) {
        log.recordAll(e.leases().stream().map(f -> system(AuditAction.ESCALATION_LEASE_FAILED, "LEASE", f.leaseId(),
                f.leaseId(), f.reason(), "businessDate", e.businessDate(), "runId", e.runId())).toList());
    }

    @EventListener
    void on(CasePaused e) {
        log.record(AuditAction.CASE_PAUSED, e.actor(), "CASE", e.caseId(), e.leaseId(), e.reason(), details("until", e.until()));
    }

    @EventListener
    void on(CaseResumed e) {
        log.record(AuditAction.CASE_RESUMED, e.actor(), "CASE", e.caseId(), e.leaseId(), null,
                details("wasPausedUntil", e.wasPausedUntil()));
    }

    @EventListener
    void on(PlanAgreed e) {
        log.record(AuditAction.PLAN_AGREED, e.actor(), "CASE", e.caseId(), e.leaseId(), null,
                details("planId", e.planId(), "startsOn", e.startsOn(), "principal", e.principal(), "interest", e.interest(),
                        "graceDays", e.graceDays(), "stage", e.stageAtStart(), "instalments", e.instalments().stream()
                                .map(i -> details("no", i.no(), "dueDate", i.dueDate(), "amount", i.amount())).toList()));
    }

    @EventListener
    void on(InstalmentPaid e) {
        log.recordAll(List.of(system(AuditAction.INSTALMENT_PAID, "CASE", e.caseId(), e.leaseId(), null, "planId", e.planId(),
                "no", e.no(), "of", e.of(), "dueDate", e.dueDate(), "amount", e.amount(), "cumulative", e.cumulative(),
                "paidSinceStart", e.paidSinceStart(), "businessDate", e.businessDate())));
    }

    @EventListener
    void on(PlanBroken e) {
        log.recordAll(List.of(system(AuditAction.PLAN_BROKEN, "CASE", e.caseId(), e.leaseId(),
                e.no() + "회차(" + e.dueDate() + ") 미납: 유예 기간 경과", "planId", e.planId(), "no", e.no(), "dueDate", e.dueDate(),
                "shortfall", e.shortfall(), "resumesAt", e.stage(), "businessDate", e.businessDate())));
    }

    @EventListener
    void on(PlanKept e) {
        log.recordAll(List.of(system(AuditAction.PLAN_KEPT, "CASE", e.caseId(), e.leaseId(), null, "planId", e.planId(),
                "total", e.total(), "businessDate", e.businessDate())));
    }

    @EventListener
    void on(PolicyChanged e) {
        var scope = e.scope();
        log.record(AuditAction.POLICY_CHANGED, e.actor(), "POLICY", scope.subjectId(), null, e.removed() ? "override removed" : null,
                e.removed() ? details("scope", scope.name(), "landlordId", scope.landlordId(), "buildingId", scope.buildingId())
                        : details("scope", scope.name(), "landlordId", scope.landlordId(), "buildingId", scope.buildingId(),
                                "rules", e.rules(), "minimumBalance", e.minimumBalance(), "planGraceDays", e.planGraceDays()));
    }

    @EventListener
    void on(RunRestarted e) {
        log.record(AuditAction.ESCALATION_RUN_UNKNOWN_RESTARTED, e.actor(), "ESCALATION_RUN", e.runId(), null, e.reason(),
                details("pagesCommitted", e.pagesCommitted(), "leasesDone", e.leasesDone()));
    }

    @EventListener
    void on(RunAbandoned e) {
        log.record(AuditAction.ESCALATION_RUN_ABANDONED, e.actor(), "ESCALATION_RUN", e.runId(), null, e.reason(),
                details("previousOwner", e.previousOwner(), "lastHeartbeat", String.valueOf(e.lastHeartbeat()),
                        "pagesCommitted", e.pagesCommitted(), "leasesDone", e.leasesDone(), "resumedBy", e.resumedBy()));
    }

    @EventListener
    void on(RunVoided e) {
        log.record(AuditAction.ESCALATION_RUN_VOIDED, e.actor(), "ESCALATION_RUN", e.runId(), null, e.reason(),
                details("businessDate", e.businessDate(), "status", e.status()));
    }

    private static AuditLog.Event system(AuditAction action, String subjectType, long subjectId, long leaseId, String reason,
            Object... details) {
        return new AuditLog.Event(Viewer.SYSTEM_NAME, action, subjectType, String.valueOf(subjectId), leaseId, reason,
                details(details));
    }
}

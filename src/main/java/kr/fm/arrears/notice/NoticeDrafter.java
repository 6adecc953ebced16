package kr.fm.arrears.notice;

import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drafts the certified notice when a case reaches DEMAND_NOTICE or TERMINATION_NOTICE. Runs
 * synchronously in the escalation's transaction, so the stage and its draft commit together; the
 * unique (case, kind) makes a repeated event harmless.
 */
@Component
class NoticeDrafter {

    private final NoticeWorkflow workflow;

    NoticeDrafter(NoticeWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(StepsApplied page) {
        page.reached().forEach(this::on);
    }

    @EventListener
    void on(StageReached event) {
        NoticeKind kind = NoticeKind.of(event.stage());
        if (kind != null) {
            workflow.draft(event.caseId(), event.leaseId(), kind, event.businessDate());
        }
    }
}

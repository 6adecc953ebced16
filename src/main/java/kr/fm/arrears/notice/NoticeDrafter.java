package kr.fm.arrears.notice;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drafts the certified notice when a case reaches DEMAND_NOTICE or TERMINATION_NOTICE. Runs
 * synchronously in the escalation's transaction, so the stage and its draft commit together; the
 * unique (case, kind) makes a repeated event harmless.
 */
@Component
@RequiredArgsConstructor
class NoticeDrafter {

    private final NoticeWorkflow workflow;

    /** A page of a run at a time: its notices are drafted in one go. */
    @EventListener
    void on(StepsApplied page) {
        List<NoticeWorkflow.Drafting> wanted = new ArrayList<>();
        for (StageReached e : page.reached()) {
            NoticeKind kind = NoticeKind.of(e.stage());
            if (kind != null) {
                wanted.add(new NoticeWorkflow.Drafting(e.caseId(), e.leaseId(), kind, e.businessDate()));
            }
        }
        if (!wanted.isEmpty()) {
            workflow.draftAll(wanted);
        }
    }
}

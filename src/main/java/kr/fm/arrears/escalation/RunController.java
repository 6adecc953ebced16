package kr.fm.arrears.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/escalation")
class RunController {

    private final EscalationRuns runs;
    private final Decisions decisions;
    private final Clock clock;

    RunController(EscalationRuns runs, Decisions decisions, Clock clock) {
        this.runs = runs;
        this.decisions = decisions;
        this.clock = clock;
    }

    record RunRequest(@NotNull LocalDate businessDate, Boolean dryRun) {}

    /** Runs synchronously and answers with the finished run: 201 when it completed, 500 with the run when it failed. */
    @PostMapping("/runs")
    ResponseEntity<EscalationRuns.RunView> start(Viewer viewer, @Valid @RequestBody RunRequest body) {
        EscalationRuns.RunView run = runs.start(body.businessDate(), Boolean.TRUE.equals(body.dryRun()), viewer.name());
        return respond(run);
    }

    @PostMapping("/runs/{id}/restart")
    ResponseEntity<EscalationRuns.RunView> restart(Viewer viewer, @PathVariable long id) {
        return respond(runs.restart(viewer, id));
    }

    /** The run with the leases it could not decide ({@code errorLeases}: lease id and reason). */
    @GetMapping("/runs/{id}")
    EscalationRuns.RunWithErrors get(@PathVariable long id) {
        return new EscalationRuns.RunWithErrors(runs.find(id).orElseThrow(() -> new NotFound("escalation run", id)),
                runs.errors(id));
    }

    record VoidRequest(String reason) {}

    /** ADMIN: a real run dated after today stops blocking the schedule (docs/operations.md). */
    @PostMapping("/runs/{id}/void")
    EscalationRuns.RunView voidRun(Viewer viewer, @PathVariable long id, @RequestBody VoidRequest body) {
        return runs.voidRun(id, body.reason(), viewer.name());
    }

    /**
     * One lease's step as a person reads it: action OPEN, ADVANCE, RESOLVE, REMIND or NOTHING, with the
     * stage it would reach and the stages it would record as skipped.
     */
    record PreviewItem(long leaseId, String action, Long caseId, Stage stage, List<Stage> skipped, LocalDate dueDate,
            Long amount, String why) {

        static PreviewItem of(Decision d) {
            long lease = d.lease().leaseId();
            if (d.step() instanceof Step.Open o) {
                return new PreviewItem(lease, "OPEN", null, o.reach(), o.skipped(), null, null, null);
            } else if (d.step() instanceof Step.Advance a) {
                return new PreviewItem(lease, "ADVANCE", a.caseId(), a.reach(), a.skipped(), null, null, null);
            } else if (d.step() instanceof Step.Resolve r) {
                return new PreviewItem(lease, "RESOLVE", r.caseId(), Stage.RESOLVED, List.of(), null, null,
                        r.announce() ? null : "보낸 것이 없어 메시지 없이 닫힘");
            } else if (d.step() instanceof Step.Remind r) {
                return new PreviewItem(lease, "REMIND", null, Stage.UPCOMING, List.of(), r.dueDate(), r.amount(), null);
            } else if (d.step() instanceof Step.Failed f) {
                return new PreviewItem(lease, "ERROR", null, null, List.of(), null, null, f.reason());
            }
            return new PreviewItem(lease, "NOTHING", null, null, List.of(), null, null, ((Step.Nothing) d.step()).why());
        }
    }

    /**
     * What a run on {@code asOf} would do, lease by lease, writing nothing. Pages by lease id: pass
     * the answer's {@code nextAfterLeaseId} as {@code afterLeaseId} for the next page.
     */
    record Preview(LocalDate asOf, List<PreviewItem> items, Long nextAfterLeaseId) {}

    @GetMapping("/preview")
    Preview preview(@RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "0") long afterLeaseId,
            @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "false") boolean includeNothing) {
        LocalDate date = asOf != null ? asOf : BusinessTime.today(clock);
        int size = Math.min(Math.max(limit, 1), 5000);
        List<LeaseRef> page = decisions.leases(afterLeaseId, size);
        List<PreviewItem> items = decisions.decide(page, date).stream().map(PreviewItem::of)
                .filter(i -> includeNothing || !i.action().equals("NOTHING")).toList();
        Long next = page.size() < size ? null : page.get(page.size() - 1).leaseId();
        return new Preview(date, items, next);
    }

    private static ResponseEntity<EscalationRuns.RunView> respond(EscalationRuns.RunView run) {
        return ResponseEntity.status(run.status().startsWith("COMPLETED") ? 201 : 500).body(run);
    }
}

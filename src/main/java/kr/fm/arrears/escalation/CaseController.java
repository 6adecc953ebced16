package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@RequiredArgsConstructor
class CaseController {

    private final Cases cases;
    private final PaymentPlans plans;

    /** A payment plan asked for: the instalments and whether they also cover the late interest to today. */
    record PlanBody(Boolean withInterest, List<PaymentPlans.InstalmentInput> instalments) {}

    /** Why a case is paused: a dispute, a payment plan, the landlord's request. */
    record PauseBody(LocalDate until, String reason) {}

    @GetMapping
    List<Cases.CaseView> list(Viewer viewer, @RequestParam(required = false) Stage stage, @RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Boolean paused,
            @RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "500") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return cases.list(viewer, new Cases.Filter(stage, landlordId, buildingId, paused, open), Math.min(Math.max(limit, 1), 5000),
                Math.max(offset, 0));
    }

    @GetMapping("/{id}")
    Cases.CaseView get(Viewer viewer, @PathVariable long id) {
        return cases.find(viewer, id).orElseThrow(() -> new NotFound("case", id));
    }

    @PostMapping("/{id}/pause")
    Cases.CaseView pause(Viewer viewer, @PathVariable long id, @RequestBody PauseBody body) {
        return cases.pause(id, body.until(), body.reason(), viewer.name());
    }

    /** The case's payment plans, newest first. */
    @GetMapping("/{id}/plans")
    List<PaymentPlans.Plan> plans(Viewer viewer, @PathVariable long id) {
        return plans.ofCase(viewer, id);
    }

    /** Agrees a payment plan (분할납부 약정): 201 with the plan; 422 naming the instalment that does not add up. */
    @PostMapping("/{id}/plan")
    org.springframework.http.ResponseEntity<PaymentPlans.Plan> agree(Viewer viewer, @PathVariable long id, @RequestBody PlanBody body) {
        PaymentPlans.Plan plan = plans.agree(id, Boolean.TRUE.equals(body.withInterest()), body.instalments(), viewer.name());
        return org.springframework.http.ResponseEntity.status(201).body(plan);
    }

    @PostMapping("/{id}/resume")
    Cases.CaseView resume(Viewer viewer, @PathVariable long id) {
        return cases.resume(id, viewer.name());
    }
}

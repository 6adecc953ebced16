package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

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

    @PostMapping("/{id}/resume")
    Cases.CaseView resume(Viewer viewer, @PathVariable long id) {
        return cases.resume(id, viewer.name());
    }
}

package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 분할납부 약정서 of a case's payment plan, for staff and the case's landlord (the case page links it). */
@RestController
@RequiredArgsConstructor
class PlanAgreementController {

    private final PlanAgreements agreements;

    @GetMapping(path = "/api/cases/{caseId}/plans/{planId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable long caseId, @PathVariable long planId,
            @RequestParam(defaultValue = "false") boolean download) {
        return NoticeController.pdf(agreements.pdf(viewer, caseId, planId), download, "분할납부약정서_" + caseId + "_" + planId + ".pdf",
                "payment-plan-" + caseId + "-" + planId + ".pdf");
    }
}

package kr.fm.arrears.web;

import java.io.IOException;
import kr.fm.arrears.imports.ImportSlots;
import kr.fm.arrears.imports.LeaseImport;
import kr.fm.arrears.imports.PaymentImport;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.InvalidInput;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV imports from the pages (MANAGER, ADMIN): the lease and payment files the API takes, the same
 * all-or-nothing rules, and a file with bad rows answered with every bad row and column as a table.
 * Bank statements have their own page (/bank-lines).
 */
@Controller
@RequiredArgsConstructor
class ImportsPage {

    private final LeaseImport leases;
    private final PaymentImport payments;
    private final ImportSlots slots;

    @GetMapping("/imports")
    String page() {
        return "imports";
    }

    @PostMapping("/imports/leases")
    String leases(Viewer viewer, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        return run(file, redirect, () -> {
            LeaseImport.Result r = leases.importFile(file.getBytes(), file.getOriginalFilename(), viewer.name());
            return "계약 파일 " + r.rows() + "줄을 가져왔습니다: 새 계약 " + r.leasesCreated() + "건.";
        });
    }

    @PostMapping("/imports/payments")
    String payments(Viewer viewer, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        return run(file, redirect, () -> {
            PaymentImport.Result r = payments.importFile(file.getBytes(), file.getOriginalFilename(), viewer.name());
            return "입금 파일 " + r.rows() + "줄: 새로 기록 " + r.recorded() + "건, 이미 있던 입금 " + r.alreadyRecorded() + "건.";
        });
    }

    private String run(MultipartFile file, RedirectAttributes redirect, ImportSlots.Work<String> work) throws IOException {
        if (file == null || file.isEmpty()) {
            return Flash.refused(redirect, InvalidInput.of("file", null, "가져올 CSV 파일을 고르세요"), "/imports");
        }
        try {
            return Flash.done(redirect, slots.run(work), "/imports");
        } catch (ImportRejected rejected) {
            // nothing was applied: the table names every bad row and column at once
            // plain maps: the flash travels in the session, which may be written to disk
            redirect.addFlashAttribute("rejected", rejected.errors().stream().map(e -> {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("row", e.row());
                row.put("column", e.column() == null ? "" : e.column());
                row.put("value", e.value() == null ? "" : e.value());
                row.put("message", e.message());
                return row;
            }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
            redirect.addFlashAttribute("rejectedTotal", rejected.total());
            redirect.addFlashAttribute("problem", "파일을 가져오지 않았습니다. 아래 " + rejected.total()
                    + "곳을 고친 뒤 파일 전체를 다시 올려 주세요 (일부만 반영되지 않습니다).");
            return "redirect:/imports";
        }
    }
}

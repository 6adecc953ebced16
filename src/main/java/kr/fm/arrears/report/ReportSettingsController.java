package kr.fm.arrears.report;

import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A landlord's report settings: staff set them (PUT needs MANAGER or ADMIN), a landlord reads their own. */
@RestController
@RequiredArgsConstructor
class ReportSettingsController {

    private final ReportSettings settings;

    record Body(Boolean optedOut, String accountantEmail, String accountantPhone) {}

    @GetMapping("/api/landlords/{id}/report-settings")
    ReportSettings.Settings get(Viewer viewer, @PathVariable long id) {
        return settings.of(viewer, id);
    }

    @PutMapping("/api/landlords/{id}/report-settings")
    ReportSettings.Settings put(Viewer viewer, @PathVariable long id, @RequestBody Body body) {
        return settings.put(viewer, id, Boolean.TRUE.equals(body.optedOut()), body.accountantEmail(), body.accountantPhone());
    }
}

package kr.fm.arrears.web;

import kr.fm.arrears.shared.Viewer;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.history.HistoryFilter;
import kr.fm.arrears.history.NoticeHistory;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.InvalidInput;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The notice history: every reminder and notice sent on the landlord's behalf, filtered by building,
 * tenant, period, kind and status. The download links carry the same filter to the history API
 * (one PDF, the ZIP of PDFs with its index, CSV, Excel); the session cookie signs them in.
 */
@Controller
@RequiredArgsConstructor
class HistoryPage {

    static final int PAGE = 100;

    private final NoticeHistory history;
    private final LedgerViews views;

    @GetMapping("/history")
    String history(Viewer viewer, @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        HistoryFilter filter = new HistoryFilter(buildingId, tenantId, from, to, blankToNull(status), blankToNull(kind));
        int offset = Math.max(page, 0) * PAGE;
        List<HistoryEntry> entries = List.of();
        List<kr.fm.arrears.history.KeptDocuments.Document> documents = List.of();
        long total = 0;
        try {
            entries = history.list(viewer, filter, landlordId, PAGE, offset);
            total = history.count(viewer, filter, landlordId);
            documents = history.documents(viewer, filter, landlordId);
        } catch (InvalidInput e) {
            model.addAttribute("problem", "조건을 확인하세요. " + e.getMessage());
        }
        String query = UriComponentsBuilder.newInstance().queryParamIfPresent("landlordId", java.util.Optional.ofNullable(landlordId))
                .queryParamIfPresent("buildingId", java.util.Optional.ofNullable(buildingId))
                .queryParamIfPresent("tenantId", java.util.Optional.ofNullable(tenantId))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.status()))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(filter.kind()))
                .encode().build().getQuery();
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries.stream().map(e -> new Row(e, Labels.dateTime(e.at()))).toList());
        model.addAttribute("total", total);
        model.addAttribute("documents", documents.stream().map(d -> new Kept(d, Labels.dateTime(d.at()))).toList());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (total + PAGE - 1) / PAGE);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("landlordId", landlordId);
        model.addAttribute("landlords", views.landlords(viewer)); // a LANDLORD's list holds only themselves
        model.addAttribute("buildings", views.buildings(viewer, landlordId, null));
        model.addAttribute("tenants", views.tenants(viewer));
        return "history";
    }

    /** A kept document (a monthly report) with its time as people read it. */
    public record Kept(kr.fm.arrears.history.KeptDocuments.Document document, String when) {}

    /** An entry with its time as people read it. */
    public record Row(HistoryEntry entry, String when) {}

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

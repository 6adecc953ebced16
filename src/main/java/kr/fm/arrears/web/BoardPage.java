package kr.fm.arrears.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The arrears board, 50 cases a page: search, filters and the order travel in the query string, so a
 * page can be bookmarked and the pager and the column headers keep the rest. A LANDLORD reads the same
 * board, narrowed to their own buildings, without the forms and without the "needs attention" list.
 */
@Controller
@RequiredArgsConstructor
class BoardPage {

    /** Up to this many landlords, every building is in the building filter; beyond, a landlord's buildings. */
    static final int FEW_LANDLORDS = 20;

    private final Board board;
    private final LedgerViews views;
    private final EscalationRuns runs;
    private final RememberedParts parts;

    /** What a board's part shows besides the database's rows: a LANDLORD's own buildings or all (staff). */
    private record PartKey(Long landlordId, Board.Query query, LocalDate today) {}

    @GetMapping("/board")
    String board(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
            @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) String paused, @RequestParam(required = false) String plan,
            @RequestParam(required = false) String attention,
            @RequestParam(defaultValue = "false") boolean depositFlagged, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page, Model model) {
        Board.Query query;
        try {
            query = Board.Query.parse(q, stage, viewer.isStaff() ? landlordId : null, buildingId, paused, plan, attention,
                    depositFlagged, sort, dir, page);
        } catch (InvalidInput e) {
            model.addAttribute("problem", "조건을 확인하세요. " + e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + ", " + b).orElse(""));
            query = Board.Query.firstPage();
        }
        // all the board shows comes from the database, the viewer's scope, the query and the day
        RememberedParts.Part part = parts.part(new PartKey(viewer.landlordId(), query, board.today()));
        model.addAttribute("boardPart", part);
        if (part.known()) {
            return "board";
        }
        if (viewer.isStaff()) {
            runs.latestErrors().ifPresent(e -> model.addAttribute("runErrors", e));
        }
        Board.View view = board.open(viewer, query);
        model.addAttribute("board", view);
        model.addAttribute("query", query);
        model.addAttribute("q", query.search());
        model.addAttribute("stageFilter", query.stage() == null ? "" : query.stage().name());
        model.addAttribute("pausedFilter", query.paused() == null ? "" : query.paused().toString());
        model.addAttribute("planFilter", query.planned() == null ? "" : query.planned().toString());
        model.addAttribute("attentionFilter", attentionParam(query));
        model.addAttribute("depositFlagged", query.depositFlagged());
        model.addAttribute("flagPercent", board.flagPercent());
        model.addAttribute("stages", stageNames());
        model.addAttribute("attentionKinds", attentionNames());
        List<LedgerViews.Landlord> landlords = viewer.isStaff() ? views.landlords(viewer) : List.of();
        model.addAttribute("landlords", landlords);
        model.addAttribute("landlordId", query.landlordId());
        // thousands of buildings make no list to choose from: then staff pick the landlord first (or search)
        boolean listBuildings = !viewer.isStaff() || query.landlordId() != null || landlords.size() <= FEW_LANDLORDS;
        model.addAttribute("buildings", listBuildings ? views.buildings(viewer, query.landlordId(), null) : List.of());
        model.addAttribute("buildingsListed", listBuildings);
        model.addAttribute("buildingId", query.buildingId());
        model.addAttribute("filters", filters(query));
        model.addAttribute("sortLinks", sortLinks(query));
        model.addAttribute("sortKey", query.sort().name().toLowerCase());
        model.addAttribute("descending", query.descending());
        return "board";
    }

    private static String attentionParam(Board.Query query) {
        if (query.attention() == null) {
            return "";
        }
        return query.attention().size() == 1 ? query.attention().iterator().next().name() : "any";
    }

    /** The search and the filters as a query string (no order, no page): what the pager and the headers add to. */
    private static String filters(Board.Query query) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        param(b, "q", query.search());
        param(b, "stage", query.stage() == null ? null : query.stage().name());
        param(b, "landlordId", query.landlordId());
        param(b, "buildingId", query.buildingId());
        param(b, "paused", query.paused());
        param(b, "plan", query.planned());
        param(b, "attention", query.attention() == null ? null : attentionParam(query));
        param(b, "depositFlagged", query.depositFlagged() ? Boolean.TRUE : null);
        String s = b.encode().build().getQuery();
        return s == null ? "" : s;
    }

    private static void param(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    /** Per sortable column: the link that sorts by it, the other way round when it is the order already. */
    private static Map<String, String> sortLinks(Board.Query query) {
        Map<String, String> links = new LinkedHashMap<>();
        String filters = filters(query);
        for (Board.Sort s : Board.Sort.values()) {
            boolean descending = s == query.sort() ? !query.descending() : s.descendingByDefault();
            links.put(s.name().toLowerCase(), "/board?" + (filters.isEmpty() ? "" : filters + "&")
                    + "sort=" + s.name().toLowerCase() + "&dir=" + (descending ? "desc" : "asc"));
        }
        return links;
    }

    private static Map<String, String> stageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            if (s != Stage.UPCOMING && s != Stage.RESOLVED) {
                names.put(s.name(), Labels.stage(s));
            }
        }
        return names;
    }

    private static Map<String, String> attentionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("any", "확인 필요 전체");
        for (Board.Attention a : Board.Attention.values()) {
            names.put(a.name(), Labels.attention(a));
        }
        return names;
    }
}

package kr.fm.arrears.ledger;

import kr.fm.arrears.shared.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who owes what as of a date?" — per lease, filtered by landlord or building. */
@RestController
@RequestMapping("/api/arrears")
@RequiredArgsConstructor
class ArrearsController {

    private final Ledger ledger;
    private final LedgerViews views;
    private final Clock clock;
    private final DepositFlag deposit;
    private final RememberedArrears remembered;
    private final ObjectMapper json;

    /** Up to this many leases in the scope (a landlord, a building), the list is read from {@link RememberedArrears}. */
    static final int REMEMBERED_SCOPE = 5_000;

    /** A lease's arrears and what its deposit still covers ({@link DepositCoverage}). */
    record LeaseInArrears(LedgerViews.LeaseSummary lease, LeaseArrears arrears, DepositCoverage deposit) {}

    record Report(LocalDate asOf, int leases, long overdueBalance, long lateInterest, List<LeaseInArrears> items) {}

    /** Who asks for which list: a landlord's or a building's answer as sent is remembered under it. */
    private record ListKey(Long landlord, Long building, LocalDate asOf, int limit, int offset) {}

    /**
     * A landlord's or a building's list is asked for again and again with the same answer: it is
     * remembered as sent, its JSON written once ({@link RememberedArrears#answer}); 16 owners' screens
     * refreshing cost a fingerprint read each instead of 140 KB of JSON.
     */
    @GetMapping
    ResponseEntity<byte[]> arrears(Viewer viewer, @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        LocalDate date = asOf != null ? asOf : BusinessTime.today(clock);
        Long landlord = viewer.landlordFilter(landlordId);
        java.util.function.Supplier<byte[]> sent = () -> {
            try {
                return json.writeValueAsBytes(report(viewer, date, landlordId, buildingId, limit, offset));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
        byte[] body = landlord == null && buildingId == null ? sent.get()
                : remembered.answer(new ListKey(landlord, buildingId, date, limit, offset), sent);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private Report report(Viewer viewer, LocalDate date, Long landlordId, Long buildingId, int limit, int offset) {
        LeaseScope scope = ledger.scope(viewer, landlordId, buildingId);
        List<Long> ids;
        Map<Long, LeaseArrears> arrears;
        if (!scope.everything() && scope.ids().length <= REMEMBERED_SCOPE) {
            // a landlord's or a building's leases: which are in arrears is read from the figures remembered for the date
            ids = remembered.figures(List.of(scope.ids()), date).values().stream().filter(LeaseArrears::inArrears)
                    .map(LeaseArrears::leaseId).sorted().skip(Math.max(offset, 0)).limit(LedgerViews.pageSize(limit)).toList();
            arrears = remembered.of(ids, date);
        } else {
            ids = views.leasesInArrears(viewer, date, landlordId, buildingId, limit, offset);
            arrears = ledger.arrears(ids, date);
        }
        List<LeaseInArrears> items = views.leases(viewer, ids).stream()
                .map(l -> new LeaseInArrears(l, arrears.get(l.leaseId()),
                        deposit.of(l, arrears.get(l.leaseId())))).toList();
        return new Report(date, items.size(), items.stream().mapToLong(i -> i.arrears().overdueBalance()).sum(),
                items.stream().mapToLong(i -> i.arrears().lateInterest()).sum(), items);
    }

    @GetMapping("/leases/{leaseId}")
    LeaseInArrears lease(Viewer viewer, @PathVariable long leaseId, @RequestParam(required = false) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : BusinessTime.today(clock);
        LedgerViews.LeaseSummary lease = views.lease(viewer, leaseId).orElseThrow(() -> new NotFound("lease", leaseId));
        LeaseArrears arrears = ledger.arrears(leaseId, date).orElseThrow();
        return new LeaseInArrears(lease, arrears, deposit.of(lease, arrears));
    }
}

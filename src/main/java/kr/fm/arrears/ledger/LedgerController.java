package kr.fm.arrears.ledger;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.Conflict;
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
@RequestMapping("/api")
class LedgerController {

    private final Portfolio portfolio;
    private final LedgerViews views;
    private final ChargeGenerator charges;
    private final Payments payments;

    LedgerController(Portfolio portfolio, LedgerViews views, ChargeGenerator charges, Payments payments) {
        this.portfolio = portfolio;
        this.views = views;
        this.charges = charges;
        this.payments = payments;
    }

    @GetMapping("/landlords")
    List<LedgerViews.Landlord> landlords(Viewer viewer) {
        return views.landlords(viewer);
    }

    @GetMapping("/landlords/{id}")
    LedgerViews.Landlord landlord(Viewer viewer, @PathVariable long id) {
        return views.landlord(viewer, id).orElseThrow(() -> new NotFound("landlord", id));
    }

    @PostMapping("/landlords")
    ResponseEntity<LedgerViews.Landlord> createLandlord(Viewer viewer, @Valid @RequestBody NewLandlord body) {
        long id = portfolio.landlord(body, viewer.name());
        return ResponseEntity.created(URI.create("/api/landlords/" + id)).body(landlord(viewer, id));
    }

    @GetMapping("/buildings")
    List<LedgerViews.Building> buildings(Viewer viewer, @RequestParam(required = false) Long landlordId) {
        return views.buildings(viewer, landlordId, null);
    }

    @GetMapping("/buildings/{id}")
    LedgerViews.Building building(Viewer viewer, @PathVariable long id) {
        return views.building(viewer, id).orElseThrow(() -> new NotFound("building", id));
    }

    @PostMapping("/buildings")
    ResponseEntity<LedgerViews.Building> createBuilding(Viewer viewer, @Valid @RequestBody NewBuilding body) {
        long id = portfolio.building(body, viewer.name());
        return ResponseEntity.created(URI.create("/api/buildings/" + id)).body(building(viewer, id));
    }

    @GetMapping("/tenants")
    List<LedgerViews.Tenant> tenants(Viewer viewer) {
        return views.tenants(viewer);
    }

    @GetMapping("/tenants/{id}")
    LedgerViews.Tenant tenant(Viewer viewer, @PathVariable long id) {
        return views.tenant(viewer, id).orElseThrow(() -> new NotFound("tenant", id));
    }

    @PostMapping("/tenants")
    ResponseEntity<LedgerViews.Tenant> createTenant(Viewer viewer, @Valid @RequestBody NewTenant body) {
        long id = portfolio.tenant(body, viewer.name());
        return ResponseEntity.created(URI.create("/api/tenants/" + id)).body(tenant(viewer, id));
    }

    @GetMapping("/leases")
    List<LedgerViews.LeaseSummary> leases(Viewer viewer, @RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        return views.leases(viewer, landlordId, buildingId, tenantId, limit, offset);
    }

    @GetMapping("/leases/{id}")
    LedgerViews.LeaseSummary lease(Viewer viewer, @PathVariable long id) {
        return views.lease(viewer, id).orElseThrow(() -> new NotFound("lease", id));
    }

    @PostMapping("/leases")
    ResponseEntity<LedgerViews.LeaseSummary> createLease(Viewer viewer, @Valid @RequestBody NewLease body) {
        long id = portfolio.lease(body, viewer.name());
        return ResponseEntity.created(URI.create("/api/leases/" + id)).body(lease(viewer, id));
    }

    record VirtualAccount(String virtualAccount) {}

    /** Sets or (blank) clears the lease's 가상계좌: deposits to it match the lease, reminders print it. */
    @org.springframework.web.bind.annotation.PutMapping("/leases/{id}/virtual-account")
    LedgerViews.LeaseSummary virtualAccount(Viewer viewer, @PathVariable long id, @RequestBody VirtualAccount body) {
        lease(viewer, id);
        portfolio.virtualAccount(id, body.virtualAccount(), viewer.name());
        return lease(viewer, id);
    }

    @GetMapping("/leases/{id}/charges")
    List<LedgerViews.ChargeView> charges(Viewer viewer, @PathVariable long id) {
        lease(viewer, id);
        return views.charges(id);
    }

    @PostMapping("/leases/{id}/charges")
    ResponseEntity<List<LedgerViews.ChargeView>> addCharge(Viewer viewer, @PathVariable long id, @Valid @RequestBody NewCharge body) {
        lease(viewer, id);
        charges.add(id, body, viewer.name());
        return ResponseEntity.status(201).body(views.charges(id));
    }

    @GetMapping("/leases/{id}/payments")
    List<LedgerViews.PaymentView> payments(Viewer viewer, @PathVariable long id) {
        lease(viewer, id);
        return views.payments(id);
    }

    /** Idempotent by bank reference: the same payment posted twice is recorded once (201, then 200). */
    @PostMapping("/leases/{id}/payments")
    ResponseEntity<List<LedgerViews.PaymentView>> addPayment(Viewer viewer, @PathVariable long id, @Valid @RequestBody NewPayment body) {
        lease(viewer, id);
        payments.conflict(id, body).ifPresent(why -> {
            throw new Conflict("은행 거래 참조 " + body.bankReference() + ": " + why);
        });
        boolean created = !payments.record(id, List.of(body), viewer.name()).isEmpty();
        return ResponseEntity.status(created ? 201 : 200).body(views.payments(id));
    }

    /** Generates a month's rent and management-fee charges for every lease; safe to call again. */
    @PostMapping("/charges/generate")
    Map<String, Object> generate(Viewer viewer, @RequestParam YearMonth month) {
        return Map.of("month", month.toString(), "created", charges.generateMonth(month, viewer.name()).size());
    }
}

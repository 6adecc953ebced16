package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.ledger.NewBuilding;
import kr.fm.arrears.ledger.NewLandlord;
import kr.fm.arrears.ledger.NewLease;
import kr.fm.arrears.ledger.NewPayment;
import kr.fm.arrears.ledger.NewTenant;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.ledger.Portfolio;

/** One landlord, one building and one tenant company, leasing as many units as a test needs. */
final class Tenancy {

    final long landlordId;
    final long buildingId;
    final long tenantId;
    private final Portfolio portfolio;
    private final Payments payments;
    private int paymentNo;

    Tenancy(Portfolio portfolio, Payments payments) {
        this.portfolio = portfolio;
        this.payments = payments;
        landlordId = portfolio.landlord(new NewLandlord("한울산업개발", "220-81-62517", "경기도 화성시", null, null, "국민은행",
                "123-45-6789-012", "한울산업개발(주)"), "test");
        buildingId = portfolio.building(new NewBuilding(landlordId, "한울 제1공장", "경기도 화성시", List.of()), "test");
        tenantId = portfolio.tenant(new NewTenant("(주)대성정밀", "124-81-00004", "김대성", "010-2345-6789", "ds@daesung.example",
                "경기도 화성시"), "test");
    }

    /** Rent 1,000,000 + VAT and a fee of 100,000 + VAT: 1,210,000 due on the 10th each month from March 2026. */
    long lease(String code, String unit, boolean commercialAct) {
        return portfolio.lease(new NewLease(code, tenantId, buildingId, List.of(unit), LocalDate.of(2026, 3, 1),
                LocalDate.of(2028, 2, 29), 1_000_000L, 100_000L, 10_000_000L, 10, true, null, true, commercialAct), "test");
    }

    void pay(long leaseId, LocalDate on, long amount) {
        payments.record(leaseId, List.of(new NewPayment("BANK-" + leaseId + "-" + (++paymentNo), on, amount, null)), "test");
    }
}

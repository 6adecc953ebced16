package kr.fm.arrears.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.shared.Won;

/**
 * What a draft 지급명령 신청서 claims, from the ledger's figures on the as-of date (never computed
 * again): the unpaid principal grouped by due date, each with 지연손해금 "from the day after its due
 * date until paid" at the lease's rate; the interest already fixed on charges paid late (their
 * principal is no longer owed, so that interest is claimed as an amount); the 소가 and the fees.
 *
 * @param principal       미납 원금: the ledger's overdue balance
 * @param settledInterest 확정 지연손해금: interest on charges paid in full, but late
 * @param claimValue      소가: principal + settled interest (running interest is a 부대청구, 민사소송법 제27조②)
 * @param interestToDate  지연손해금 to the as-of date, every charge (the ledger's late interest): for the reader
 */
record PaymentOrder(LocalDate asOf, String ratePercent, String rateBasis, List<Claim> claims, long principal,
        long settledInterest, long claimValue, long interestToDate, CourtFees.Estimate fees) {

    /** The unpaid part of the charges due on one date ("2026년 3월분 임대료, 관리비"). */
    record Claim(LocalDate dueDate, LocalDate interestFrom, String items, long amount) {}

    static PaymentOrder of(LeaseArrears arrears, LeaseTerms terms, int parties, EvidenceProperties fees) {
        Map<LocalDate, List<LeaseArrears.ChargeLine>> byDue = new LinkedHashMap<>();
        long settled = 0;
        for (LeaseArrears.ChargeLine line : arrears.charges()) {
            if (line.outstanding() > 0) {
                byDue.computeIfAbsent(line.dueDate(), d -> new ArrayList<>()).add(line);
            } else {
                settled += line.lateInterest();
            }
        }
        List<Claim> claims = byDue.entrySet().stream().map(e -> new Claim(e.getKey(), e.getKey().plusDays(1),
                items(e.getValue()), e.getValue().stream().mapToLong(LeaseArrears.ChargeLine::outstanding).sum())).toList();
        long claimValue = arrears.overdueBalance() + settled;
        return new PaymentOrder(arrears.asOf(), percent(terms.annualRate()), basis(terms), claims, arrears.overdueBalance(), settled,
                claimValue, arrears.lateInterest(),
                CourtFees.paymentOrder(claimValue, parties, fees.serviceRounds(), fees.serviceFeePerRound()));
    }

    /** 청구취지, as the courts' forms word it. */
    String purport() {
        StringBuilder s = new StringBuilder("채무자는 채권자에게 ").append(Won.format(principal + settledInterest));
        if (claims.isEmpty()) {
            return s.append("을 지급하라.").toString();
        }
        s.append(" 및 그중 ");
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            s.append(i == 0 ? "" : ", ").append(Won.format(c.amount())).append("에 대하여는 ").append(courtDate(c.interestFrom()))
                    .append("부터");
        }
        return s.append(claims.size() > 1 ? " 각 " : " ").append("다 갚는 날까지 연 ").append(ratePercent)
                .append("%의 비율로 계산한 돈을 지급하라.").toString();
    }

    /** "2026. 3. 11." — the way a court writes a date. */
    static String courtDate(LocalDate d) {
        return d.getYear() + ". " + d.getMonthValue() + ". " + d.getDayOfMonth() + ".";
    }

    private static String items(List<LeaseArrears.ChargeLine> lines) {
        LocalDate period = lines.get(0).period();
        return period.getYear() + "년 " + period.getMonthValue() + "월분 "
                + String.join(", ", lines.stream().map(l -> l.kind().korean()).distinct().toList());
    }

    /** 0.06 → "6", 0.125 → "12.5". */
    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String basis(LeaseTerms terms) {
        if (terms.contractualRatePercent() != null) {
            return "임대차계약에서 정한 지연손해금률";
        }
        return terms.merchant() ? "상법 제54조의 상사법정이율" : "민법 제379조의 법정이율";
    }
}

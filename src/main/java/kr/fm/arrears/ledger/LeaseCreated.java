package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.List;

/** A lease was created, with its terms as agreed (its charges follow as {@link ChargesCreated}). */
public record LeaseCreated(String actor, long leaseId, String code, List<String> units, long monthlyRent,
        long managementFee, int dueDay, LocalDate startDate, LocalDate endDate) {}

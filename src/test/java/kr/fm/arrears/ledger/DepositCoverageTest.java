package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC "Deposit coverage": rent 1,400,000 + fee 140,000, both with VAT (1,694,000 a month), unpaid
 * from January to October 2026 (due the 1st), seen on 31 October, deposit 30,000,000.
 */
class DepositCoverageTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @Test
    void ten_unpaid_months_against_a_deposit_of_thirty_million_worked_by_hand() {
        LeaseArrears a = arrears();
        // principal 10 × 1,694,000 = 16,940,000. Late interest at 6% (상법 제54조), per charge, rounded down:
        // ⌊1,540,000 × d × 0.06 / 365⌋ + ⌊154,000 × d × 0.06 / 365⌋ for d = 303, 272, 244, 213, 183, 152, 122,
        // 91, 60, 30 days: 76,704 + 7,670, 68,856 + 6,885, … , 7,594 + 759 = 465,026 in all
        assertThat(a.overdueBalance()).isEqualTo(16_940_000);
        assertThat(a.lateInterest()).isEqualTo(465_026);

        DepositCoverage c = DepositCoverage.of(30_000_000, a, 1_400_000, 140_000, true, 50);

        assertThat(c.owed()).isEqualTo(17_405_026);
        assertThat(c.remaining()).isEqualTo(30_000_000 - 17_405_026).isEqualTo(12_594_974);
        assertThat(c.monthlyCharge()).isEqualTo(1_694_000);
        // 12,594,974 / 1,694,000 = 7.435…: seven and some months of the full monthly charge still covered
        assertThat(c.monthsCovered()).isEqualByComparingTo(new BigDecimal("7.43"));
        assertThat(c.flagged()).as("17,405,026 ≥ 50% of 30,000,000").isTrue();
    }

    @Test
    void the_flag_is_raised_exactly_when_the_owed_amount_reaches_the_share_of_the_deposit() {
        LeaseArrears a = arrears();
        assertThat(DepositCoverage.of(34_810_052, a, 1_400_000, 140_000, true, 50).flagged()).as("exactly half").isTrue();
        assertThat(DepositCoverage.of(34_810_053, a, 1_400_000, 140_000, true, 50).flagged()).as("1원 less than half").isFalse();
        assertThat(DepositCoverage.of(50_000_000, a, 1_400_000, 140_000, true, 30).flagged()).isTrue();
        DepositCoverage exhausted = DepositCoverage.of(10_000_000, a, 1_400_000, 140_000, true, 50);
        assertThat(exhausted.remaining()).isNegative();
        assertThat(exhausted.monthsCovered()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(DepositCoverage.of(0, a, 1_400_000, 140_000, true, 50).flagged()).as("no deposit at all").isTrue();
    }

    private static LeaseArrears arrears() {
        LeaseTerms terms = new LeaseTerms(1, 1_400_000, true, null, true, false);
        List<Charge> charges = new ArrayList<>();
        for (int m = 1; m <= 10; m++) {
            LocalDate due = LocalDate.of(2026, m, 1);
            charges.add(new Charge(2L * m, 1, ChargeKind.RENT, due, due, 1_400_000, 140_000));
            charges.add(new Charge(2L * m + 1, 1, ChargeKind.MANAGEMENT_FEE, due, due, 140_000, 14_000));
        }
        return ArrearsCalculator.compute(terms, charges, List.of(), AS_OF);
    }
}

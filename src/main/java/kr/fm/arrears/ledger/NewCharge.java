package kr.fm.arrears.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.YearMonth;

/** A charge entered by hand or imported: utilities (전기·수도) and other items. */
public record NewCharge(
        @NotNull ChargeKind kind,
        @NotNull YearMonth period,
        @NotNull LocalDate dueDate,
        @NotNull @PositiveOrZero Long amount,
        @PositiveOrZero Long vat) {}

package kr.fm.arrears.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.fm.arrears.shared.Won;

public record NewPayment(
        @NotBlank @Size(max = 100) String bankReference,
        @NotNull LocalDate paidOn,
        @NotNull @Positive @Max(value = Won.MAX, message = Amounts.AT_MOST_MAX) Long amount,
        @Size(max = 200) String payerName) {}

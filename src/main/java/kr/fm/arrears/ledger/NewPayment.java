package kr.fm.arrears.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record NewPayment(
        @NotBlank @Size(max = 100) String bankReference,
        @NotNull LocalDate paidOn,
        @NotNull @Positive Long amount,
        @Size(max = 200) String payerName) {}

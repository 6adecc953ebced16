package kr.fm.arrears.ledger;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.Won;

/**
 * A lease of one or more units of one building.
 *
 * @param lateInterestPercent contractual annual late-interest rate in percent (12 = 12 %); empty = statutory
 * @param merchant            both sides are merchants (상인): statutory rate 6 %, else 5 %
 * @param commercialAct       상가건물 임대차보호법 applies: termination at 3 months' rent instead of 2
 */
public record NewLease(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다") String code,
        @NotNull Long tenantId,
        @NotNull Long buildingId,
        @NotEmpty List<@NotBlank @Pattern(regexp = NewBuilding.UNIT_NO, message = NewBuilding.UNIT_NO_MESSAGE) String> units,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Positive @Max(value = Won.MAX, message = Amounts.AT_MOST_MAX) Long monthlyRent,
        @NotNull @PositiveOrZero @Max(value = Won.MAX, message = Amounts.AT_MOST_MAX) Long managementFee,
        @NotNull @PositiveOrZero @Max(value = Won.MAX, message = Amounts.AT_MOST_MAX) Long deposit,
        @NotNull @Min(1) @Max(31) Integer dueDay,
        Boolean vatApplies,
        @DecimalMin(value = "0", message = "0 이상이어야 합니다") @DecimalMax(value = "100", message = "연 이율(%)로 100 이하여야 합니다") BigDecimal lateInterestPercent,
        Boolean merchant,
        Boolean commercialAct) {

    @AssertTrue(message = "시작일보다 앞설 수 없습니다")
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }

    boolean vat() {
        return vatApplies == null || vatApplies;
    }

    boolean isMerchant() {
        return merchant == null || merchant;
    }

    boolean isCommercialAct() {
        return commercialAct != null && commercialAct;
    }
}

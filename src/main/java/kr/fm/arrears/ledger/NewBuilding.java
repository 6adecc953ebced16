package kr.fm.arrears.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record NewBuilding(
        @NotNull Long landlordId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String address,
        List<@NotBlank @Pattern(regexp = NewBuilding.UNIT_NO, message = NewBuilding.UNIT_NO_MESSAGE) String> units) {

    /** "301", "B101", "301-1": a unit or a split of one. */
    public static final String UNIT_NO = "[A-Za-z]?\\d{1,5}(-\\d{1,3})?";
    public static final String UNIT_NO_MESSAGE = "301이나 301-1 같은 호실 번호가 아닙니다";
}

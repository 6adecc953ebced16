package kr.fm.arrears.ledger;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.fm.arrears.shared.validation.KoreanPhone;
import kr.fm.arrears.shared.validation.ValidBusinessNo;

public record NewLandlord(
        @NotBlank @Size(max = 200) String name,
        @ValidBusinessNo String businessNo,
        @Size(max = 500) String address,
        @KoreanPhone String phone,
        @Email String email,
        @Size(max = 100) String bankName,
        @Size(max = 100) String bankAccount,
        @Size(max = 100) String accountHolder) {}

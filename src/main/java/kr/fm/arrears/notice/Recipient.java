package kr.fm.arrears.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.fm.arrears.ledger.LedgerViews;

/**
 * The recipient block as the post office's form asks for it: the name (the tenant company and its
 * representative), the 5-digit 우편번호 and the address. The ledger keeps a tenant's address as one
 * line; its 우편번호 is read from it when written as "(18622) 경기도 …" or "18622 경기도 …".
 */
public record Recipient(String name, String postcode, String address, String phone) {

    private static final Pattern POSTCODE = Pattern.compile("^\\s*\\(?(\\d{5})\\)?\\s+(.+)$");
    public static final String NO_POSTCODE = "임차인 주소에 우편번호(5자리)가 없습니다. 우체국 접수 전에 주소를 \"(18622) 경기도 …\"처럼 "
            + "고치거나 접수 기록에 우편번호를 입력하세요.";

    static Recipient of(LedgerViews.Tenant tenant) {
        String name = tenant.name() + (tenant.representative() == null || tenant.representative().isBlank() ? ""
                : " 대표자 " + tenant.representative());
        String address = tenant.address() == null ? "" : tenant.address().trim();
        Matcher m = POSTCODE.matcher(address);
        return m.matches() ? new Recipient(name, m.group(1), m.group(2).trim(), tenant.phone())
                : new Recipient(name, null, address, tenant.phone());
    }

    /** This recipient with what the MANAGER entered on recording (blank: unchanged). */
    Recipient with(String newName, String newPostcode, String newAddress) {
        return new Recipient(blank(newName) ? name : newName.trim(), blank(newPostcode) ? postcode : newPostcode.trim(),
                blank(newAddress) ? address : newAddress.trim(), phone);
    }

    /** What keeps the post office from taking the letter as it is, in Korean, for the page and the API. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (postcode == null) {
            w.add(NO_POSTCODE);
        }
        if (address == null || address.isBlank()) {
            w.add("임차인 주소가 없습니다.");
        }
        return w;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

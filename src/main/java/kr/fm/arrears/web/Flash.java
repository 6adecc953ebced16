package kr.fm.arrears.web;

import kr.fm.arrears.shared.InvalidInput;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Redirect-after-post: the outcome of a form travels to the next page as a one-time message. */
final class Flash {

    private Flash() {}

    static String done(RedirectAttributes redirect, String message, String to) {
        redirect.addFlashAttribute("notice", message);
        return "redirect:" + to;
    }

    /** A refused action: nothing changed, and the page says why (the rule's own words). */
    static String refused(RedirectAttributes redirect, RuntimeException e, String to) {
        String why = e instanceof InvalidInput invalid ? invalid.errors().stream()
                .map(f -> field(f.field()) + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()) : e.getMessage();
        redirect.addFlashAttribute("problem", "처리하지 못했습니다. " + why);
        return "redirect:" + to;
    }

    /** The form field as the page names it, with the field's own name beside it: "사유(reason)". */
    static String field(String name) {
        String label = FIELDS.get(name);
        return label == null ? name : label + "(" + name + ")";
    }

    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("reason", "사유"), java.util.Map.entry("until", "멈출 기한"),
            java.util.Map.entry("channels", "채널"), java.util.Map.entry("file", "파일"),
            java.util.Map.entry("parts", "나누기"), java.util.Map.entry("leaseCode", "계약코드"),
            java.util.Map.entry("leaseId", "계약"), java.util.Map.entry("registeredNo", "등기번호"),
            java.util.Map.entry("receiptNo", "접수번호"), java.util.Map.entry("postedOn", "접수일"),
            java.util.Map.entry("fee", "요금"), java.util.Map.entry("recipientPostcode", "우편번호"),
            java.util.Map.entry("recipientAddress", "수신인 주소"), java.util.Map.entry("subject", "제목"),
            java.util.Map.entry("body", "본문"), java.util.Map.entry("consequences", "불이행 시 조치"),
            java.util.Map.entry("deadlineDays", "납부 기한"), java.util.Map.entry("fromMonth", "적용할 달"),
            java.util.Map.entry("dueDay", "납부일"), java.util.Map.entry("monthlyRent", "차임"),
            java.util.Map.entry("moveOutOn", "퇴거일"), java.util.Map.entry("deposit", "보증금"),
            java.util.Map.entry("payer", "입금자명"), java.util.Map.entry("email", "이메일"),
            java.util.Map.entry("phone", "전화번호"), java.util.Map.entry("ids", "통지서 번호"),
            java.util.Map.entry("kind", "종류"), java.util.Map.entry("username", "아이디"),
            java.util.Map.entry("password", "비밀번호"), java.util.Map.entry("currentPassword", "지금 비밀번호"),
            java.util.Map.entry("newPassword", "새 비밀번호"), java.util.Map.entry("newPasswordAgain", "새 비밀번호 확인"),
            java.util.Map.entry("role", "역할"), java.util.Map.entry("landlordId", "임대인"),
            java.util.Map.entry("expiresAt", "만료 시각"), java.util.Map.entry("businessDate", "기준일"),
            java.util.Map.entry("bankName", "은행"), java.util.Map.entry("bankAccount", "계좌번호"),
            java.util.Map.entry("accountHolder", "예금주"));
}

package kr.fm.arrears.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.fm.arrears.shared.InvalidInput;

/**
 * What a MANAGER may change in a notice: the subject, the opening paragraph, the consequences
 * paragraph and the days given to pay. Null text means "the template's standard wording"; the
 * figures (charges, interest, parties) always come from the ledger. Its limits are the one set the
 * API and the pages share ({@link #check}, applied by {@link CertifiedNotice}): a notice is a short
 * legal letter, and every preview and approval renders it.
 */
public record NoticeContent(String subject, String body, String consequences, int deadlineDays) {

    public static final int DEFAULT_DEADLINE_DAYS = 7; // SPEC: 7 days, counted from receipt (이 통지서를 받은 날로부터)
    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 4_000;
    /** The days given to pay: a demand with months to pay is no demand. */
    public static final int DEADLINE_MAX_DAYS = 60;

    /** Throws {@link InvalidInput} naming every field over its limit; nothing has changed then. */
    public void check() {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (subject == null || subject.isBlank() || subject.length() > SUBJECT_MAX) {
            errors.add(new InvalidInput.FieldError("subject", cut(subject), "제목은 1~" + SUBJECT_MAX + "자여야 합니다"));
        }
        if (body != null && body.length() > TEXT_MAX) {
            errors.add(new InvalidInput.FieldError("body", cut(body), "본문은 " + String.format("%,d", TEXT_MAX) + "자 이하여야 합니다 ("
                    + String.format("%,d", body.length()) + "자)"));
        }
        if (consequences != null && consequences.length() > TEXT_MAX) {
            errors.add(new InvalidInput.FieldError("consequences", cut(consequences), "불이행 시 조치는 "
                    + String.format("%,d", TEXT_MAX) + "자 이하여야 합니다 (" + String.format("%,d", consequences.length()) + "자)"));
        }
        if (deadlineDays < 1 || deadlineDays > DEADLINE_MAX_DAYS) {
            errors.add(new InvalidInput.FieldError("deadlineDays", deadlineDays, "납부 기한은 1~" + DEADLINE_MAX_DAYS + "일이어야 합니다"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** A refused value is echoed in the problem; a megabyte of it would be the problem. */
    private static String cut(String text) {
        return text == null || text.length() <= 50 ? text : text.substring(0, 50) + "…";
    }

    public static NoticeContent standard(NoticeKind kind) {
        return new NoticeContent(kind.defaultSubject(), null, null, DEFAULT_DEADLINE_DAYS);
    }

    /** This content with the edit's non-null fields applied (deadline 0: unchanged; a negative one is kept, for {@link #check}). */
    public NoticeContent with(NoticeContent edit) {
        return new NoticeContent(edit.subject != null ? edit.subject : subject, edit.body != null ? edit.body : body,
                edit.consequences != null ? edit.consequences : consequences,
                edit.deadlineDays != 0 ? edit.deadlineDays : deadlineDays);
    }

    /** The fields that differ, for the audit trail: "subject", "body (120 → 98 chars)". */
    public List<String> diff(NoticeContent other) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(subject, other.subject)) {
            changed.add("subject: " + subject + " → " + other.subject);
        }
        if (!Objects.equals(body, other.body)) {
            changed.add("body: " + length(body) + " → " + length(other.body) + " chars");
        }
        if (!Objects.equals(consequences, other.consequences)) {
            changed.add("consequences: " + length(consequences) + " → " + length(other.consequences) + " chars");
        }
        if (deadlineDays != other.deadlineDays) {
            changed.add("deadlineDays: " + deadlineDays + " → " + other.deadlineDays);
        }
        return changed;
    }

    private static String length(String text) {
        return text == null ? "standard" : String.valueOf(text.length());
    }
}

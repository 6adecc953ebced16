package kr.fm.arrears.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a MANAGER may change in a notice: the subject, the opening paragraph, the consequences
 * paragraph and the days given to pay. Null text means "the template's standard wording"; the
 * figures (charges, interest, parties) always come from the ledger.
 */
public record NoticeContent(String subject, String body, String consequences, int deadlineDays) {

    public static final int DEFAULT_DEADLINE_DAYS = 7; // SPEC: 7 days after dispatch

    public static NoticeContent standard(NoticeKind kind) {
        return new NoticeContent(kind.defaultSubject(), null, null, DEFAULT_DEADLINE_DAYS);
    }

    /** This content with the edit's non-null fields applied. */
    public NoticeContent with(NoticeContent edit) {
        return new NoticeContent(edit.subject != null ? edit.subject : subject, edit.body != null ? edit.body : body,
                edit.consequences != null ? edit.consequences : consequences,
                edit.deadlineDays > 0 ? edit.deadlineDays : deadlineDays);
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

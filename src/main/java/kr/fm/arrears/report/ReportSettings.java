package kr.fm.arrears.report;

import java.sql.Timestamp;
import java.time.Clock;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.PhoneNumber;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per landlord: whether the monthly report is sent, and to an accountant besides the owner (whose
 * e-mail and mobile number are the landlord's own, from the ledger). Without a row: sent, to the owner only.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportSettings {

    /** {@code accountantPhone} as E.164. */
    public record Settings(long landlordId, boolean optedOut, String accountantEmail, String accountantPhone) {}

    private final JdbcClient jdbc;
    private final LedgerViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A LANDLORD reads only their own; another landlord's is "not found". */
    public Settings of(Viewer viewer, long landlordId) {
        views.landlord(viewer, landlordId).orElseThrow(() -> new NotFound("landlord", landlordId));
        return of(landlordId);
    }

    Settings of(long landlordId) {
        return jdbc.sql("SELECT opted_out, accountant_email, accountant_phone FROM owner_report_setting WHERE landlord_id = ?")
                .param(landlordId)
                .query((rs, i) -> new Settings(landlordId, rs.getBoolean(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(new Settings(landlordId, false, null, null));
    }

    /** Replaces the landlord's settings; a bad e-mail or phone is refused naming its field, and nothing changes. */
    @Transactional
    public Settings put(Viewer viewer, long landlordId, boolean optedOut, String accountantEmail, String accountantPhone) {
        views.landlord(viewer, landlordId).orElseThrow(() -> new NotFound("landlord", landlordId));
        String email = blankToNull(accountantEmail);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInput.of("accountantEmail", accountantEmail, "is not an e-mail address");
        }
        String phone = blankToNull(accountantPhone);
        String e164 = phone == null ? null : PhoneNumber.toE164(phone);
        if (phone != null && !PhoneNumber.isMobile(e164)) {
            throw InvalidInput.of("accountantPhone", accountantPhone, "is not a Korean mobile number (AlimTalk needs one)");
        }
        jdbc.sql("""
                INSERT INTO owner_report_setting (landlord_id, opted_out, accountant_email, accountant_phone, updated_at, updated_by)
                VALUES (:landlord, :out, :email, :phone, :at, :by)
                ON CONFLICT (landlord_id) DO UPDATE SET opted_out = EXCLUDED.opted_out, accountant_email = EXCLUDED.accountant_email,
                    accountant_phone = EXCLUDED.accountant_phone, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("landlord", landlordId).param("out", optedOut).param("email", email).param("phone", e164)
                .param("at", Timestamp.from(BusinessTime.now(clock))).param("by", viewer.name()).update();
        Settings s = new Settings(landlordId, optedOut, email, e164);
        events.publishEvent(new ReportSettingsChanged(s, viewer.name()));
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

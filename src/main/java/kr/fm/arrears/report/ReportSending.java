package kr.fm.arrears.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.LandlordMessages;
import kr.fm.arrears.messaging.MessageAttachments;
import kr.fm.arrears.shared.PhoneNumber;
import kr.fm.arrears.shared.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands a new report to the outbox: an e-mail with the PDF and an AlimTalk with the portal's link, to
 * the owner and the accountant, each under its own key {@code report:{landlordId}:{month}:{channel}:{recipient}},
 * so a second run (or a replaced report) sends nothing twice. An opted-out landlord gets nothing. The
 * outbox's dispatcher sends them inside the contact window. Also the mail gateway's source of the PDF.
 */
@Component
class ReportSending implements MessageAttachments {

    static final String REF = "owner_report:";

    private final LandlordMessages messages;
    private final ReportSettings settings;
    private final LedgerViews views;
    private final JdbcClient jdbc;
    private final String portal;

    ReportSending(LandlordMessages messages, ReportSettings settings, LedgerViews views, JdbcClient jdbc,
            @Value("${arrears.portal.base-url:http://localhost:8080}") String portal) {
        this.messages = messages;
        this.settings = settings;
        this.views = views;
        this.jdbc = jdbc;
        this.portal = portal;
    }

    /** Queues the report's messages; the keys of those queued now (none for an opted-out landlord). */
    List<String> send(OwnerReports.Report r) {
        ReportSettings.Settings s = settings.of(r.landlordId());
        List<String> queued = new ArrayList<>();
        if (s.optedOut()) {
            return queued;
        }
        LedgerViews.Landlord landlord = views.landlord(Viewer.SYSTEM, r.landlordId()).orElseThrow();
        LandlordMessages.Report message = new LandlordMessages.Report(r.landlordId(), landlord.name(),
                ReportDocument.label(r.month()), portal + "/portal/reports/" + r.month(), REF + r.id());
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        add(emails, landlord.email());
        add(emails, s.accountantEmail());
        String ownerPhone = PhoneNumber.toE164(landlord.phone());
        if (PhoneNumber.isMobile(ownerPhone)) {
            phones.add(ownerPhone);
        }
        add(phones, s.accountantPhone());
        for (String address : emails) {
            String key = key(r, "EMAIL", address);
            if (messages.email(key, message, address)) {
                queued.add(key);
            }
        }
        for (String phone : phones) {
            String key = key(r, "ALIMTALK", phone);
            if (messages.alimTalk(key, message, phone)) {
                queued.add(key);
            }
        }
        return queued;
    }

    private static String key(OwnerReports.Report r, String channel, String recipient) {
        return "report:" + r.landlordId() + ":" + r.month() + ":" + channel + ":" + recipient;
    }

    private static void add(Set<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value.strip());
        }
    }

    @Override
    public Optional<File> fetch(String ref) {
        if (!ref.startsWith(REF)) {
            return Optional.empty();
        }
        long id = Long.parseLong(ref.substring(REF.length()));
        return jdbc.sql("SELECT month, pdf FROM owner_report WHERE id = ?").param(id)
                .query((rs, i) -> new File("월간임대관리보고서_" + rs.getObject(1, java.time.LocalDate.class).toString().substring(0, 7)
                        + ".pdf", "application/pdf", rs.getBytes(2)))
                .optional();
    }
}

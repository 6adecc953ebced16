package kr.fm.arrears.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import kr.fm.arrears.shared.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages to a landlord rather than a tenant: the monthly owner report, by e-mail with its PDF
 * attached (a reference the mail gateway resolves through {@link MessageAttachments} when it sends) and
 * by AlimTalk with a link to the portal. They enter the outbox like any message, one row per
 * idempotency key, and leave with the dispatcher inside the contact window (quiet hours, holidays).
 */
@Component
public class LandlordMessages {

    /** The outbox's stage for a report message: not a step of the escalation ladder. */
    public static final String REPORT = "REPORT";

    /** What a report message says: the landlord, the month ("2026년 6월") and the portal page of the report. */
    public record Report(long landlordId, String landlordName, String monthLabel, String link, String attachmentRef) {}

    private final JdbcClient jdbc;
    private final MessageTemplates templates;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final kr.fm.arrears.ledger.LedgerViews views;

    LandlordMessages(JdbcClient jdbc, MessageTemplates templates, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            kr.fm.arrears.ledger.LedgerViews views) {
        this.jdbc = jdbc;
        this.views = views;
        this.events = events;
        this.templates = templates;
        this.clock = clock;
    }

    /** Queues the report's e-mail (PDF attached); false when a message of this key was queued before. */
    public boolean email(String key, Report r, String address) {
        MessageTemplates.Email mail = templates.email("report", model(r));
        return insert(key, r.landlordId(), REPORT, null, "EMAIL", MessageKind.EMAIL, address, null, mail.subject(), mail.text(),
                mail.html(), r.attachmentRef(), null, null, null).isPresent();
    }

    /**
     * Queues the report's AlimTalk (its registered template, the link to the portal) with its SMS/LMS
     * fallback rendered beside it, as every reminder's AlimTalk carries one; false when queued before.
     */
    public boolean alimTalk(String key, Report r, String e164) {
        MessageTemplates.Text text = templates.alimTalk("report", model(r));
        MessageTemplates.Text sms = templates.sms("report", model(r));
        return insert(key, r.landlordId(), REPORT, null, "ALIMTALK", MessageKind.ALIMTALK, e164, text.code(), null, text.text(), null,
                null, sms.text(), sms.title(), null).isPresent();
    }

    /**
     * A failed report AlimTalk's one text in its place, to the landlord's number (the key derived from the
     * AlimTalk's, so however often the failure is seen there is one); empty when it was queued before.
     */
    java.util.Optional<MessagesQueued.Queued> fallback(Message m) {
        String key = m.idempotencyKey() + ":fallback";
        MessageKind kind = MessageKind.forText(m.fallbackBody());
        return insert(key, m.landlordId(), REPORT, null, "SMS", kind, m.recipient(), null, m.fallbackSubject(), m.fallbackBody(), null,
                null, null, null, m.id())
                .map(id -> new MessagesQueued.Queued(id, 0, key, null, REPORT, "SMS", kind, MessageState.QUEUED, null, m.id()));
    }

    /** The outbox's stage of a landlord's notice that a payment plan broke. */
    public static final String PLAN_BROKEN = "PLAN_BROKEN";

    /**
     * Tells the landlord, by e-mail, that a tenant's payment plan broke and the case climbs the ladder
     * again: once per plan (its key), whatever runs are done again. A landlord without an e-mail address
     * sees it in the portal only (the case shows the broken plan).
     */
    void planBroken(kr.fm.arrears.escalation.PlanMessagesDue.Due d) {
        kr.fm.arrears.shared.Viewer system = kr.fm.arrears.shared.Viewer.SYSTEM;
        kr.fm.arrears.ledger.LedgerViews.Landlord landlord = views.landlords(system, java.util.Set.of(d.landlordId())).get(0);
        if (landlord.email() == null || landlord.email().isBlank()) {
            return;
        }
        kr.fm.arrears.ledger.LedgerViews.LeaseSummary lease = views.leases(system, java.util.List.of(d.leaseId())).get(0);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("landlordName", landlord.name());
        model.put("tenantName", lease.tenantName());
        model.put("leaseCode", lease.code());
        model.put("buildingName", lease.buildingName());
        model.put("units", lease.units() == null ? "" : lease.units());
        model.put("instalmentNo", d.no());
        model.put("instalments", d.of());
        model.put("dueDate", d.dueDate());
        model.put("shortfall", d.amount());
        model.put("remaining", d.remaining());
        model.put("businessDate", d.businessDate());
        MessageTemplates.Email mail = templates.email("plan-broken", model);
        insert(d.key("EMAIL") + ":landlord", d.landlordId(), PLAN_BROKEN, d.caseId(), "EMAIL", MessageKind.EMAIL,
                landlord.email().strip(), null, mail.subject(), mail.text(), mail.html(), null, null, null, null);
    }

    private static Map<String, Object> model(Report r) {
        return Map.of("landlordName", r.landlordName(), "monthLabel", r.monthLabel(), "link", r.link());
    }

    private java.util.Optional<Long> insert(String key, long landlordId, String stage, Long caseId, String channel, MessageKind kind,
            String recipient, String templateCode, String subject, String body, String html, String attachmentRef,
            String fallbackBody, String fallbackSubject, Long fallbackOf) {
        Timestamp now = Timestamp.from(BusinessTime.now(clock));
        java.util.Optional<Long> id = jdbc.sql("""
                INSERT INTO message (idempotency_key, landlord_id, case_id, stage, channel, kind, recipient, template_code, subject,
                                     body, html_body, attachment_ref, fallback_body, fallback_subject, fallback_of, state,
                                     next_attempt_at, created_at, updated_at)
                VALUES (:key, :landlord, :case, :stage, :channel, :kind, :recipient, :code, :subject, :body, :html, :attachment,
                        :fallbackBody, :fallbackSubject, :fallbackOf, 'QUEUED', :now, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""")
                .param("key", key).param("landlord", landlordId).param("case", caseId).param("stage", stage).param("channel", channel)
                .param("kind", kind.name()).param("recipient", recipient).param("code", templateCode).param("subject", subject)
                .param("body", body).param("html", html).param("attachment", attachmentRef)
                .param("fallbackBody", fallbackBody).param("fallbackSubject", fallbackSubject).param("fallbackOf", fallbackOf)
                .param("now", now)
                .query(Long.class).optional();
        // audited as every message is (no lease: the trail records none); a fallback by MessageFellBack instead
        if (fallbackOf == null) {
            id.ifPresent(i -> events.publishEvent(new MessagesQueued(java.util.List.of(new MessagesQueued.Queued(i, 0, key, caseId,
                    stage, channel, kind, MessageState.QUEUED, null, null)))));
        }
        return id;
    }
}

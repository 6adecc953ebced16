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

    LandlordMessages(JdbcClient jdbc, MessageTemplates templates, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.templates = templates;
        this.clock = clock;
    }

    /** Queues the report's e-mail (PDF attached); false when a message of this key was queued before. */
    public boolean email(String key, Report r, String address) {
        MessageTemplates.Email mail = templates.email("report", model(r));
        return insert(key, r.landlordId(), "EMAIL", MessageKind.EMAIL, address, null, mail.subject(), mail.text(), mail.html(),
                r.attachmentRef(), null, null, null).isPresent();
    }

    /**
     * Queues the report's AlimTalk (its registered template, the link to the portal) with its SMS/LMS
     * fallback rendered beside it, as every reminder's AlimTalk carries one; false when queued before.
     */
    public boolean alimTalk(String key, Report r, String e164) {
        MessageTemplates.Text text = templates.alimTalk("report", model(r));
        MessageTemplates.Text sms = templates.sms("report", model(r));
        return insert(key, r.landlordId(), "ALIMTALK", MessageKind.ALIMTALK, e164, text.code(), null, text.text(), null, null,
                sms.text(), sms.title(), null).isPresent();
    }

    /**
     * A failed report AlimTalk's one text in its place, to the landlord's number (the key derived from the
     * AlimTalk's, so however often the failure is seen there is one); empty when it was queued before.
     */
    java.util.Optional<MessagesQueued.Queued> fallback(Message m) {
        String key = m.idempotencyKey() + ":fallback";
        MessageKind kind = MessageKind.forText(m.fallbackBody());
        return insert(key, m.landlordId(), "SMS", kind, m.recipient(), null, m.fallbackSubject(), m.fallbackBody(), null, null,
                null, null, m.id())
                .map(id -> new MessagesQueued.Queued(id, 0, key, null, REPORT, "SMS", kind, MessageState.QUEUED, null, m.id()));
    }

    private static Map<String, Object> model(Report r) {
        return Map.of("landlordName", r.landlordName(), "monthLabel", r.monthLabel(), "link", r.link());
    }

    private java.util.Optional<Long> insert(String key, long landlordId, String channel, MessageKind kind, String recipient,
            String templateCode, String subject, String body, String html, String attachmentRef, String fallbackBody,
            String fallbackSubject, Long fallbackOf) {
        Timestamp now = Timestamp.from(BusinessTime.now(clock));
        java.util.Optional<Long> id = jdbc.sql("""
                INSERT INTO message (idempotency_key, landlord_id, stage, channel, kind, recipient, template_code, subject, body,
                                     html_body, attachment_ref, fallback_body, fallback_subject, fallback_of, state,
                                     next_attempt_at, created_at, updated_at)
                VALUES (:key, :landlord, :stage, :channel, :kind, :recipient, :code, :subject, :body, :html, :attachment,
                        :fallbackBody, :fallbackSubject, :fallbackOf, 'QUEUED', :now, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""")
                .param("key", key).param("landlord", landlordId).param("stage", REPORT).param("channel", channel)
                .param("kind", kind.name()).param("recipient", recipient).param("code", templateCode).param("subject", subject)
                .param("body", body).param("html", html).param("attachment", attachmentRef)
                .param("fallbackBody", fallbackBody).param("fallbackSubject", fallbackSubject).param("fallbackOf", fallbackOf)
                .param("now", now)
                .query(Long.class).optional();
        // audited as every message is (no lease: the trail records none); a fallback by MessageFellBack instead
        if (fallbackOf == null) {
            id.ifPresent(i -> events.publishEvent(new MessagesQueued(java.util.List.of(new MessagesQueued.Queued(i, 0, key, null,
                    REPORT, channel, kind, MessageState.QUEUED, null, null)))));
        }
        return id;
    }
}

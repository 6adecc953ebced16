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
        return insert(key, r, "EMAIL", MessageKind.EMAIL, address, null, mail.subject(), mail.text(), mail.html(), r.attachmentRef());
    }

    /** Queues the report's AlimTalk (its registered template, the link to the portal); false when queued before. */
    public boolean alimTalk(String key, Report r, String e164) {
        MessageTemplates.Text text = templates.alimTalk("report", model(r));
        return insert(key, r, "ALIMTALK", MessageKind.ALIMTALK, e164, text.code(), null, text.text(), null, null);
    }

    private static Map<String, Object> model(Report r) {
        return Map.of("landlordName", r.landlordName(), "monthLabel", r.monthLabel(), "link", r.link());
    }

    private boolean insert(String key, Report r, String channel, MessageKind kind, String recipient, String templateCode,
            String subject, String body, String html, String attachmentRef) {
        Timestamp now = Timestamp.from(BusinessTime.now(clock));
        java.util.Optional<Long> id = jdbc.sql("""
                INSERT INTO message (idempotency_key, landlord_id, stage, channel, kind, recipient, template_code, subject, body,
                                     html_body, attachment_ref, state, next_attempt_at, created_at, updated_at)
                VALUES (:key, :landlord, :stage, :channel, :kind, :recipient, :code, :subject, :body, :html, :attachment,
                        'QUEUED', :now, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""")
                .param("key", key).param("landlord", r.landlordId()).param("stage", REPORT).param("channel", channel)
                .param("kind", kind.name()).param("recipient", recipient).param("code", templateCode).param("subject", subject)
                .param("body", body).param("html", html).param("attachment", attachmentRef).param("now", now)
                .query(Long.class).optional();
        // audited as every message is (no lease: the trail records none)
        id.ifPresent(i -> events.publishEvent(new MessagesQueued(java.util.List.of(new MessagesQueued.Queued(i, 0, key, null, REPORT,
                channel, kind, MessageState.QUEUED, null, null)))));
        return id.isPresent();
    }
}

package kr.fm.arrears.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.PhoneNumber;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the escalation module's events into outbox rows, rendered now (the text a tenant gets is
 * the one the arrears of the business date produced), in the publisher's transaction. The key is
 * unique in the database, so a re-published event enqueues nothing twice.
 */
@Component
class MessageEnqueuer {

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final LedgerViews views;
    private final Ledger ledger;
    private final OptOuts optOuts;
    private final AuditLog audit;
    private final Clock clock;

    MessageEnqueuer(Outbox outbox, MessageTemplates templates, LedgerViews views, Ledger ledger, OptOuts optOuts,
            AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.views = views;
        this.ledger = ledger;
        this.optOuts = optOuts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StageReached e) {
        if (e.stage().isNotice()) {
            return; // the notice module drafts certified notices
        }
        Map<String, Object> model = model(e.leaseId(), e.businessDate());
        enqueue(e.caseId(), e.leaseId(), e.stage(), e.channels(), base(e.template(), e.stage()), model,
                channel -> "case:" + e.caseId() + ":" + e.stage() + ":" + channel);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UpcomingDue e) {
        Map<String, Object> model = model(e.leaseId(), e.businessDate());
        model.put("dueDate", e.dueDate());
        model.put("amount", e.amount());
        enqueue(null, e.leaseId(), Stage.UPCOMING, e.channels(), base(e.template(), Stage.UPCOMING), model,
                channel -> "lease:" + e.leaseId() + ":due:" + e.dueDate() + ":" + channel);
    }

    private interface KeyFor {
        String key(Channel channel);
    }

    private void enqueue(Long caseId, long leaseId, Stage stage, List<Channel> requested, String base,
            Map<String, Object> model, KeyFor keys) {
        long tenantId = (Long) model.get("tenantId");
        String mobile = PhoneNumber.toE164((String) model.get("tenantPhone"));
        String email = (String) model.get("tenantEmail");
        List<AuditLog.Event> events = new ArrayList<>();
        for (Channel channel : channels(requested)) {
            NewMessage m;
            try {
                m = render(caseId, leaseId, tenantId, stage, channel, base, model, keys.key(channel),
                        PhoneNumber.isMobile(mobile) ? mobile : null, email == null || email.isBlank() ? null : email.strip());
            } catch (RuntimeException e) {
                // a template that cannot be filled in must not undo the stage: the message is FAILED, visibly
                m = new NewMessage(keys.key(channel), caseId, leaseId, tenantId, stage.name(), channel.name(),
                        channel == Channel.EMAIL ? MessageKind.EMAIL : channel == Channel.ALIMTALK ? MessageKind.ALIMTALK
                                : MessageKind.SMS, null, null, null, "", null, null, null, null, MessageState.FAILED,
                        "cannot render " + base + " for " + channel + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            NewMessage queued = m;
            outbox.insert(m, clock.instant()).ifPresent(id -> events.add(new AuditLog.Event(Actor.SYSTEM,
                    action(queued.state()), "MESSAGE", id.toString(),
                    leaseId, queued.reason(), AuditLog.details("key", queued.idempotencyKey(), "caseId", caseId,
                            "stage", stage.name(), "channel", channel.name(), "kind", queued.kind().name()))));
        }
        audit.recordAll(events);
    }

    private static String action(MessageState state) {
        return switch (state) {
            case SKIPPED -> "MESSAGE_SKIPPED";
            case FAILED -> "MESSAGE_FAILED";
            default -> "MESSAGE_QUEUED";
        };
    }

    /** The stage's channels; an SMS listed beside an AlimTalk is its fallback, not a second text. */
    static Set<Channel> channels(List<Channel> requested) {
        Set<Channel> channels = new LinkedHashSet<>(requested);
        channels.remove(Channel.CERTIFIED_NOTICE);
        if (channels.contains(Channel.ALIMTALK)) {
            channels.remove(Channel.SMS);
        }
        return channels;
    }

    private NewMessage render(Long caseId, long leaseId, long tenantId, Stage stage, Channel channel, String base,
            Map<String, Object> model, String key, String mobile, String email) {
        String why = null;
        MessageTemplates.Text fallback = null;
        NewMessage m;
        switch (channel) {
            case ALIMTALK, SMS -> {
                MessageTemplates.Text sms = templates.sms(base, model);
                MessageTemplates.Text text = channel == Channel.ALIMTALK ? templates.alimTalk(base, model) : sms;
                if (channel == Channel.ALIMTALK) {
                    fallback = sms;
                }
                if (mobile == null) {
                    why = "tenant has no mobile number (landlines and 15XX numbers cannot receive texts)";
                }
                MessageKind kind = channel == Channel.ALIMTALK ? MessageKind.ALIMTALK : MessageKind.forText(text.text());
                m = new NewMessage(key, caseId, leaseId, tenantId, stage.name(), channel.name(), kind, mobile, text.code(),
                        text.title(), text.text(), null, fallback == null ? null : fallback.text(),
                        fallback == null ? null : fallback.title(), null, MessageState.QUEUED, null);
            }
            case EMAIL -> {
                MessageTemplates.Email mail = templates.email(base, model);
                if (email == null) {
                    why = "tenant has no e-mail address";
                }
                m = new NewMessage(key, caseId, leaseId, tenantId, stage.name(), channel.name(), MessageKind.EMAIL, email,
                        null, mail.subject(), mail.text(), mail.html(), null, null, null, MessageState.QUEUED, null);
            }
            default -> throw new IllegalArgumentException("not a message channel: " + channel);
        }
        if (why == null && optOuts.optedOut(tenantId, channel.name())) {
            why = "tenant opted out of " + channel;
        }
        return why == null ? m : skipped(m, why);
    }

    static NewMessage skipped(NewMessage m, String why) {
        return new NewMessage(m.idempotencyKey(), m.caseId(), m.leaseId(), m.tenantId(), m.stage(), m.channel(), m.kind(),
                m.recipient(), m.templateCode(), m.subject(), m.body(), m.htmlBody(), m.fallbackBody(), m.fallbackSubject(),
                m.fallbackOf(), MessageState.SKIPPED, why);
    }

    /** What the templates may use: the lease, its people, the bank account and the arrears on the date. */
    private Map<String, Object> model(long leaseId, LocalDate businessDate) {
        LedgerViews.LeaseSummary lease = views.lease(leaseId)
                .orElseThrow(() -> new IllegalStateException("lease " + leaseId + " does not exist"));
        LedgerViews.Tenant tenant = views.tenant(lease.tenantId()).orElseThrow();
        LedgerViews.Landlord landlord = views.landlord(lease.landlordId()).orElseThrow();
        LeaseArrears arrears = ledger.arrears(leaseId, businessDate).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("tenantId", tenant.id());
        model.put("tenantName", tenant.name());
        model.put("representative", tenant.representative() == null ? "" : tenant.representative());
        model.put("tenantPhone", tenant.phone());
        model.put("tenantEmail", tenant.email());
        model.put("leaseCode", lease.code());
        model.put("buildingName", lease.buildingName());
        model.put("units", lease.units() == null ? "" : lease.units());
        model.put("landlordName", landlord.name());
        model.put("bankName", landlord.bankName() == null ? "" : landlord.bankName());
        model.put("bankAccount", landlord.bankAccount() == null ? "" : landlord.bankAccount());
        model.put("accountHolder", landlord.accountHolder() == null ? landlord.name() : landlord.accountHolder());
        model.put("businessDate", businessDate);
        model.put("balance", arrears.overdueBalance());
        model.put("lateInterest", arrears.lateInterest());
        model.put("total", arrears.overdueBalance() + arrears.lateInterest());
        model.put("daysOverdue", arrears.daysOverdue());
        if (arrears.oldestUnpaidDue() != null) {
            model.put("oldestDue", arrears.oldestUnpaidDue());
        }
        return model;
    }

    /** "reminder-1" from the policy, else derived from the stage. */
    static String base(String template, Stage stage) {
        if (template != null && template.matches("[a-z0-9-]+")) {
            return template;
        }
        return stage.name().toLowerCase().replace('_', '-');
    }
}

package kr.fm.arrears.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Policies;
import kr.fm.arrears.escalation.Policy;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.PhoneNumber;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
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
@RequiredArgsConstructor
class MessageEnqueuer {

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final LedgerViews views;
    private final Ledger ledger;
    private final OptOuts optOuts;
    private final Policies policies;
    private final LandlordMessages landlordMessages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StepsApplied page) {
        enqueue(page.reached(), page.upcoming(), page.arrears());
    }

    /** One event's messages to render: its lease, date, key scheme and template variables beyond the lease's. */
    private record Wanted(Long caseId, long leaseId, String stage, List<Channel> channels, String base, LocalDate businessDate,
            Map<String, Object> extra, Function<Channel, String> keys, LocalDate dueDate, Long dueAmount) {}

    /**
     * The messages of many events (a page of a run) in a few statements: one look-up of the leases'
     * people, arrears and opt-outs per business date, one insert, one event, in the page's order.
     */
    private void enqueue(List<StageReached> reached, List<UpcomingDue> upcoming, Map<Long, LeaseArrears> decidedOn) {
        reached = reached.stream().filter(e -> !e.stage().isNotice()).toList(); // the notice module drafts certified notices
        if (reached.isEmpty() && upcoming.isEmpty()) {
            return;
        }
        // the channels and templates of a stage are the lease's ladder's, which a landlord may have made their own
        Map<Long, Policy> ladders = policies.ladders(java.util.stream.Stream.concat(reached.stream().map(StageReached::leaseId),
                upcoming.stream().map(UpcomingDue::leaseId)).collect(Collectors.toSet()));
        List<Wanted> wanted = new ArrayList<>();
        for (StageReached e : reached) {
            Policy.StageRule rule = ladder(ladders, e.leaseId()).rule(e.stage());
            wanted.add(new Wanted(e.caseId(), e.leaseId(), e.stage().name(), rule.channels(), base(rule.template(), e.stage().name()),
                    e.businessDate(), Map.of(), channel -> "case:" + e.caseId() + ":" + e.stage() + ":" + channel, null, null));
        }
        for (UpcomingDue e : upcoming) {
            Policy.StageRule rule = ladder(ladders, e.leaseId()).rule(Stage.UPCOMING);
            wanted.add(new Wanted(null, e.leaseId(), Stage.UPCOMING.name(), rule.channels(), base(rule.template(), Stage.UPCOMING.name()),
                    e.businessDate(), Map.of("dueDate", e.dueDate(), "amount", e.amount()),
                    channel -> "lease:" + e.leaseId() + ":due:" + e.dueDate() + ":" + channel, e.dueDate(), e.amount()));
        }
        enqueue(wanted, decidedOn);
    }

    /** The outbox's stage of a payment plan's reminder before an instalment: not a step of the ladder. */
    static final String PLAN_REMINDER = "PLAN_REMINDER";
    /** The outbox's stage of a payment plan's thank-you for an instalment paid. */
    static final String PLAN_THANKS = "PLAN_THANKS";

    /**
     * A plan check's messages: to the tenant, the reminder 3 days before an instalment and the thank-you for
     * one paid (AlimTalk, the SMS its fallback, like the ladder's reminders); to the landlord, the plan broken
     * (e-mail, {@link LandlordMessages}). Keyed by plan, instalment and kind, so each goes once.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(kr.fm.arrears.escalation.PlanMessagesDue due) {
        List<Wanted> wanted = new ArrayList<>();
        for (kr.fm.arrears.escalation.PlanMessagesDue.Due d : due.due()) {
            switch (d.kind()) {
                case REMINDER -> wanted.add(new Wanted(d.caseId(), d.leaseId(), PLAN_REMINDER, List.of(Channel.ALIMTALK),
                        "plan-reminder", d.businessDate(), plan(d), c -> d.key(c.name()), d.dueDate(), null));
                case THANKS -> wanted.add(new Wanted(d.caseId(), d.leaseId(), PLAN_THANKS, List.of(Channel.ALIMTALK),
                        "plan-thanks", d.businessDate(), plan(d), c -> d.key(c.name()), d.dueDate(), null));
                case BROKEN -> landlordMessages.planBroken(d);
            }
        }
        enqueue(wanted, Map.of());
    }

    private static Map<String, Object> plan(kr.fm.arrears.escalation.PlanMessagesDue.Due d) {
        return Map.of("instalmentNo", d.no(), "instalments", d.of(), "dueDate", d.dueDate(), "amount", d.amount(),
                "remaining", d.remaining());
    }

    private void enqueue(List<Wanted> wanted, Map<Long, LeaseArrears> decidedOn) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<LocalDate, Map<Long, Map<String, Object>>> models = new HashMap<>();
        wanted.stream().collect(Collectors.groupingBy(Wanted::businessDate,
                Collectors.mapping(Wanted::leaseId, Collectors.toCollection(LinkedHashSet::new))))
                .forEach((date, leases) -> models.put(date, models(leases, date, decidedOn)));
        Map<Long, Set<Channel>> optedOut = optOuts.of(models.values().stream()
                .flatMap(m -> m.values().stream()).map(m -> (Long) m.get("tenantId")).collect(Collectors.toSet()));

        List<NewMessage> messages = new ArrayList<>();
        for (Wanted w : wanted) {
            Map<String, Object> model = new HashMap<>(models.get(w.businessDate()).get(w.leaseId()));
            model.putAll(w.extra());
            messages.addAll(render(w, model, optedOut.getOrDefault((Long) model.get("tenantId"), Set.of())));
        }
        Map<String, Long> ids = outbox.insertAll(messages, clock.instant());
        List<MessagesQueued.Queued> queued = new ArrayList<>();
        for (NewMessage m : messages) {
            Long id = ids.remove(m.idempotencyKey()); // removed: a key twice in the list is inserted, and published, once
            if (id != null) {
                queued.add(m.queued(id));
            }
        }
        if (!queued.isEmpty()) {
            events.publishEvent(new MessagesQueued(queued));
        }
    }

    /** One event's messages, one per channel; a template that cannot be filled in gives a FAILED message. */
    private List<NewMessage> render(Wanted w, Map<String, Object> model, Set<Channel> optedOut) {
        long tenantId = (Long) model.get("tenantId");
        String mobile = PhoneNumber.toE164((String) model.get("tenantPhone"));
        String email = (String) model.get("tenantEmail");
        List<NewMessage> messages = new ArrayList<>();
        for (Channel channel : channels(w.channels())) {
            NewMessage m;
            try {
                m = render(w, tenantId, channel, model, PhoneNumber.isMobile(mobile) ? mobile : null,
                        email == null || email.isBlank() ? null : email.strip(), optedOut.contains(channel));
            } catch (RuntimeException e) {
                // a template that cannot be filled in must not undo the stage: the message is FAILED, visibly
                m = new NewMessage(w.keys().apply(channel), w.caseId(), w.leaseId(), tenantId, w.stage(), channel.name(),
                        channel == Channel.EMAIL ? MessageKind.EMAIL : channel == Channel.ALIMTALK ? MessageKind.ALIMTALK
                                : MessageKind.SMS, null, null, null, "", null, null, null, null, MessageState.FAILED,
                        failure(w.base(), channel, e), w.dueDate(), false, w.base(), w.dueAmount());
            }
            messages.add(m);
        }
        return messages;
    }

    static String failure(String base, Channel channel, RuntimeException e) {
        return "템플릿 " + base + "(" + channel + ")을 채우지 못했습니다: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
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

    private NewMessage render(Wanted w, long tenantId, Channel channel, Map<String, Object> model, String mobile, String email,
            boolean optedOut) {
        Long caseId = w.caseId();
        long leaseId = w.leaseId();
        String stage = w.stage();
        String base = w.base();
        String key = w.keys().apply(channel);
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
                    why = "임차인의 휴대전화 번호가 없습니다 (유선 전화와 15XX 번호는 문자를 받을 수 없습니다)";
                }
                MessageKind kind = channel == Channel.ALIMTALK ? MessageKind.ALIMTALK : MessageKind.forText(text.text());
                m = new NewMessage(key, caseId, leaseId, tenantId, stage, channel.name(), kind, mobile, text.code(),
                        text.title(), text.text(), null, fallback == null ? null : fallback.text(),
                        fallback == null ? null : fallback.title(), null, MessageState.QUEUED, null, w.dueDate(),
                        // an AlimTalk row carries its SMS fallback's text too: either one printing the account counts
                        templates.printsAccount(base, channel) || fallback != null && templates.printsAccount(base, Channel.SMS),
                        base, w.dueAmount());
            }
            case EMAIL -> {
                MessageTemplates.Email mail = templates.email(base, model);
                if (email == null) {
                    why = "임차인의 이메일 주소가 없습니다";
                }
                m = new NewMessage(key, caseId, leaseId, tenantId, stage, channel.name(), MessageKind.EMAIL, email,
                        null, mail.subject(), mail.text(), mail.html(), null, null, null, MessageState.QUEUED, null, w.dueDate(),
                        templates.printsAccount(base, channel), base, w.dueAmount());
            }
            default -> throw new IllegalArgumentException("not a message channel: " + channel);
        }
        if (why == null && optedOut) {
            why = "임차인이 " + (channel == Channel.ALIMTALK ? "알림톡" : channel == Channel.SMS ? "문자" : "이메일") + " 수신을 거부했습니다";
        }
        if (why != null) {
            return skipped(m, why);
        }
        // it would print an empty account: held until a person sets one (SPEC "Send only what is still true")
        return m.needsAccount() && !Boolean.TRUE.equals(model.get("hasAccount"))
                ? m.as(MessageState.HELD, HoldReason.NO_BANK_ACCOUNT.name()) : m;
    }

    static NewMessage skipped(NewMessage m, String why) {
        return m.as(MessageState.SKIPPED, why);
    }

    /**
     * A held (or queued) message rendered again from its template with {@code model} (the lease as it is now): QUEUED
     * when it can leave, HELD again while the account is still missing, SKIPPED or FAILED as a new one would be.
     */
    NewMessage renderAgain(Message m, String template, Long dueAmount, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        if (m.dueDate() != null) {
            full.put("dueDate", m.dueDate());
        }
        if (dueAmount != null) {
            full.put("amount", dueAmount);
        }
        Wanted w = new Wanted(m.caseId(), m.leaseId(), m.stage(), List.of(Channel.valueOf(m.channel())),
                base(template, m.stage()), (LocalDate) model.get("businessDate"), Map.of(), channel -> m.idempotencyKey(),
                m.dueDate(), dueAmount);
        return render(w, full, optOuts.of(m.tenantId())).get(0);
    }

    /** What the templates may use, by lease: the lease, its people, the bank account and the arrears on the date. */
    Map<Long, Map<String, Object>> models(Collection<Long> leaseIds, LocalDate businessDate) {
        return models(leaseIds, businessDate, Map.of());
    }

    /** Like {@link #models(Collection, LocalDate)}, with the arrears a run decided on where it has them. */
    private Map<Long, Map<String, Object>> models(Collection<Long> leaseIds, LocalDate businessDate,
            Map<Long, LeaseArrears> decidedOn) {
        List<LedgerViews.LeaseSummary> leases = views.leases(Viewer.SYSTEM, List.copyOf(leaseIds));
        Map<Long, LedgerViews.Tenant> tenants = views.tenants(Viewer.SYSTEM, leases.stream().map(LedgerViews.LeaseSummary::tenantId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(LedgerViews.Tenant::id, t -> t));
        Map<Long, LedgerViews.Landlord> landlords = views.landlords(Viewer.SYSTEM, leases.stream()
                .map(LedgerViews.LeaseSummary::landlordId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(LedgerViews.Landlord::id, l -> l));
        Map<Long, LeaseArrears> arrearsOf = new HashMap<>();
        List<Long> toCompute = new ArrayList<>();
        for (long leaseId : leaseIds) {
            LeaseArrears decided = decidedOn.get(leaseId);
            if (decided != null && decided.asOf().equals(businessDate)) {
                arrearsOf.put(leaseId, decided);
            } else {
                toCompute.add(leaseId);
            }
        }
        if (!toCompute.isEmpty()) {
            arrearsOf.putAll(ledger.arrears(toCompute, businessDate));
        }
        Map<Long, Map<String, Object>> models = new HashMap<>();
        for (LedgerViews.LeaseSummary lease : leases) {
            LedgerViews.Tenant tenant = tenants.get(lease.tenantId());
            LedgerViews.Landlord landlord = landlords.get(lease.landlordId());
            LeaseArrears arrears = arrearsOf.get(lease.leaseId());
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
            // a lease's 가상계좌 tells whose payment it is: printed instead of the landlord's account
            model.put("bankAccount", lease.virtualAccount() != null ? lease.virtualAccount()
                    : landlord.bankAccount() == null ? "" : landlord.bankAccount());
            model.put("accountHolder", landlord.accountHolder() == null ? landlord.name() : landlord.accountHolder());
            model.put("hasAccount", lease.virtualAccount() != null
                    || landlord.bankAccount() != null && !landlord.bankAccount().isBlank());
            model.put("businessDate", businessDate);
            model.put("balance", arrears.overdueBalance());
            model.put("lateInterest", arrears.lateInterest());
            model.put("total", arrears.overdueBalance() + arrears.lateInterest());
            model.put("daysOverdue", arrears.daysOverdue());
            if (arrears.oldestUnpaidDue() != null) {
                model.put("oldestDue", arrears.oldestUnpaidDue());
            }
            models.put(lease.leaseId(), model);
        }
        for (long leaseId : leaseIds) {
            if (!models.containsKey(leaseId)) {
                throw new IllegalStateException("lease " + leaseId + " does not exist");
            }
        }
        return models;
    }

    private static Policy ladder(Map<Long, Policy> ladders, long leaseId) {
        Policy ladder = ladders.get(leaseId);
        if (ladder == null) {
            throw new IllegalStateException("lease " + leaseId + " does not exist");
        }
        return ladder;
    }

    /** "reminder-1" from the policy, else derived from the stage. */
    static String base(String template, String stage) {
        if (template != null && template.matches("[a-z0-9-]+")) {
            return template;
        }
        return stage.toLowerCase().replace('_', '-');
    }
}

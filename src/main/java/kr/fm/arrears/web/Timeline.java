package kr.fm.arrears.web;

import kr.fm.arrears.shared.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.Message;
import kr.fm.arrears.messaging.Outbox;
import kr.fm.arrears.notice.CertifiedNotice;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.shared.BusinessTime;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** A case's story in date order: charges, payments, stages, every message and notice of its lease. */
@Component
@RequiredArgsConstructor
class Timeline {

    /** One line; {@code link} opens the notice (review for staff, the approved PDF for everyone). */
    public record Entry(LocalDate date, String time, String type, String title, String detail, Long amount, String link) {}

    private static final int MESSAGES = 500;

    private final LedgerViews views;
    private final Outbox outbox;
    private final NoticeWorkflow notices;
    private final kr.fm.arrears.notice.PostalHandoff postal;
    private final kr.fm.arrears.escalation.PaymentPlans plans;

    /** Charges not yet due are left out: the story ends today. */
    List<Entry> of(Viewer viewer, Cases.CaseView c, boolean staff, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        views.charges(c.leaseId()).stream().filter(ch -> !ch.dueDate().isAfter(today)).forEach(ch -> entries.add(new Entry(ch.dueDate(), null, "청구",
                ch.kind().korean() + " " + ch.period() + (ch.cancelled() ? " (취소됨)" : ""), ch.cancelReason(),
                ch.cancelled() ? 0 : ch.total(), null)));
        views.payments(c.leaseId()).forEach(p -> entries.add(new Entry(p.paidOn(), null, "입금",
                (p.payerName() == null ? "입금" : p.payerName()) + (p.reversed() ? " (취소됨)" : ""),
                p.reversed() ? p.bankReference() + " · " + p.reversalReason() : p.bankReference(),
                p.reversed() ? 0 : p.amount(), null)));
        c.history().forEach(s -> entries.add(new Entry(s.businessDate(), null, "단계", Labels.stage(s.stage()),
                s.status().equals("REACHED") ? "도달" : "건너뜀 (더 높은 단계와 같은 날)", null, null)));
        // a reminder held for want of the landlord's account: staff set it on the landlord's page
        String heldLink = staff ? views.lease(viewer, c.leaseId()).map(l -> "/landlords/" + l.landlordId()).orElse(null) : null;
        for (Message m : outbox.list(viewer, new Outbox.Filter(null, c.leaseId(), null, null, MESSAGES, 0))) {
            Instant at = m.sentAt() != null ? m.sentAt() : m.createdAt();
            entries.add(new Entry(date(at), time(at), "메시지", Labels.channel(m.channel()) + " · " + Labels.state(m),
                    m.subject() != null ? m.subject() : m.body(), null,
                    m.state() == kr.fm.arrears.messaging.MessageState.HELD ? heldLink : null));
        }
        for (CertifiedNotice n : notices.list(viewer, null, null, c.leaseId(), 100, 0)) {
            boolean approved = n.status().compareTo(NoticeStatus.APPROVED) >= 0 && n.status() != NoticeStatus.REJECTED;
            String link = staff ? "/approvals/" + n.id() : approved ? "/api/notices/" + n.id() + "/pdf" : null;
            entries.add(new Entry(n.draftedOn(), null, "내용증명", Labels.notice(n.kind()) + " · " + Labels.status(n.status()),
                    n.reason(), null, link));
            postings(viewer, n, link, entries);
        }
        for (kr.fm.arrears.escalation.PaymentPlans.Plan p : plans.ofCase(viewer, c.id())) {
            String pdf = "/api/cases/" + c.id() + "/plans/" + p.id() + "/pdf";
            entries.add(new Entry(p.startsOn(), null, "약정", "분할납부 약정 " + p.instalments().size() + "회 (" + p.agreedBy() + ")",
                    p.instalments().stream().map(i -> i.no() + "회 " + Labels.dateOf(i.dueDate()) + " " + kr.fm.arrears.shared.Won.format(i.amount()))
                            .collect(java.util.stream.Collectors.joining(", ")), p.total(), pdf));
            p.instalments().stream().filter(i -> i.paidOn() != null).forEach(i -> entries.add(new Entry(i.paidOn(), null, "약정",
                    i.no() + "회차 입금 확인", "누계 " + kr.fm.arrears.shared.Won.format(i.cumulative()), null, null)));
            if (p.status() == kr.fm.arrears.escalation.PaymentPlans.Status.KEPT) {
                entries.add(new Entry(p.endedOn(), null, "약정", "분할납부 약정 이행 완료", null, null, null));
            } else if (p.status() == kr.fm.arrears.escalation.PaymentPlans.Status.BROKEN) {
                entries.add(new Entry(p.endedOn(), null, "약정", "분할납부 약정 파기 · " + p.brokenInstalment() + "회차 미납",
                        "유예 " + p.graceDays() + "일 경과, 약정 전 단계부터 다시 진행", null, null));
            }
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparing(e -> e.time() == null ? "" : e.time()));
        return entries;
    }

    /** Each posting at the post office, its tracking events and its outcome (the last day to pay, once delivered). */
    private void postings(Viewer viewer, CertifiedNotice n, String link, List<Entry> entries) {
        for (kr.fm.arrears.notice.Posting p : postal.postings(viewer, n.id())) {
            LocalDate posted = p.postedOn() != null ? p.postedOn() : date(p.recordedAt());
            // the postage is the landlord's cost, not the tenant's debt: in the detail, not the amount column
            String receipt = (p.receiptNo() == null ? "" : "접수번호 " + p.receiptNo())
                    + (p.fee() == null ? "" : " · 요금 " + kr.fm.arrears.shared.Won.format(p.fee()));
            entries.add(new Entry(posted, null, "우편", p.attempt() + "번째 발송" + (p.registeredNo() == null ? ""
                    : " · 등기번호 " + p.registeredNo()), receipt.isEmpty() ? null : receipt, null, link));
            p.events().forEach(e -> entries.add(new Entry(e.date(), e.time(), "우편", "배송 · " + e.status(),
                    (e.location() + " " + e.detail()).trim(), null, null)));
            // the outcome after the last event that led to it
            String at = p.events().isEmpty() ? null : p.events().get(p.events().size() - 1).time();
            if ("DELIVERED".equals(p.deliveryStatus())) {
                String due = postal.lastDayToPay(viewer, n.id()).map(d -> "납부 최종일 " + Labels.dateOf(d)).orElse(null);
                entries.add(new Entry(p.deliveredOn(), at, "우편", "배달 완료" + (p.receiver() == null ? "" : " · 수령인 "
                        + p.receiver()), due, null, link));
            } else if ("RETURNED".equals(p.deliveryStatus())) {
                entries.add(new Entry(p.deliveredOn(), at, "우편", "반송 · " + p.returnReason(), null, null, link));
            }
        }
    }

    private static LocalDate date(Instant at) {
        return LocalDateTime.ofInstant(at, BusinessTime.SEOUL).toLocalDate();
    }

    private static String time(Instant at) {
        return LocalDateTime.ofInstant(at, BusinessTime.SEOUL).toLocalTime().withSecond(0).withNano(0).toString();
    }
}

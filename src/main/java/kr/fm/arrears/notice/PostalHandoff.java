package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer.Role;
import kr.fm.arrears.shared.Viewer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certified mail as the post office takes it (SPEC): there is no API for internet 내용증명, so a
 * MANAGER downloads the bundle of an approved notice, posts it at the post office's site, and
 * records the 접수번호 and 13-digit 등기번호 it gives; the notice is then DISPATCHED. A wrong
 * 등기번호 may be corrected, with a reason, on the day it was recorded. A RETURNED notice may be
 * posted again: a new posting of the same approved document, perhaps to a corrected address.
 */
@Service
public class PostalHandoff {

    static final Pattern REGISTERED_NO = Pattern.compile("\\d{13}");
    static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    static final long MAX_FEE = 1_000_000;

    private final NoticeStore store;
    private final NoticeWorkflow workflow;
    private final NoticeDispatch dispatch;
    private final Postings postings;
    private final LedgerViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int copies;

    PostalHandoff(NoticeStore store, NoticeWorkflow workflow, NoticeDispatch dispatch, Postings postings, LedgerViews views,
            ApplicationEventPublisher events, Clock clock, NoticeProperties properties) {
        this.store = store;
        this.workflow = workflow;
        this.dispatch = dispatch;
        this.postings = postings;
        this.views = views;
        this.events = events;
        this.clock = clock;
        this.copies = properties.postOffice().copies();
    }

    /** The recipient block of a notice the caller may see, from the tenant's current contact details. */
    @Transactional(readOnly = true)
    public Recipient recipient(Viewer viewer, long noticeId) {
        return recipientOf(workflow.get(viewer, noticeId));
    }

    @Transactional(readOnly = true)
    public NoticeStatus status(Viewer viewer, long noticeId) {
        return workflow.get(viewer, noticeId).status();
    }

    /** A ZIP to take to the post office, or the reason the notice was held back instead. */
    public record Bundle(byte[] zip, String fileName, String heldReason, List<Long> included) {}

    /** The bundle of one approved (or returned) notice; a notice whose ground has gone is held back instead. */
    @Transactional
    public Bundle bundle(long noticeId, Viewer who) {
        return bundle(List.of(noticeId), who);
    }

    /**
     * One bundle for one upload session: a PDF per notice and one recipients list. Notices whose
     * ground has gone are held back (back to the MANAGER, as at any dispatch) and left out.
     */
    @Transactional
    public Bundle bundle(List<Long> noticeIds, Viewer who) {
        if (noticeIds.isEmpty() || noticeIds.size() > 100) {
            throw InvalidInput.of("ids", noticeIds.size(), "통지서를 1~100건 고르세요");
        }
        List<PostOfficeBundle.Letter> letters = new ArrayList<>();
        List<PostOfficeBundle.Left> left = new ArrayList<>();
        List<BundleDownloaded.Letter> audited = new ArrayList<>();
        for (long id : noticeIds.stream().distinct().sorted().toList()) {
            workflow.get(who, id); // another landlord's notice does not exist for the caller
            CertifiedNotice n = store.lock(id);
            n.checkHandoff(who);
            Optional<String> gone = n.status() == NoticeStatus.APPROVED ? dispatch.groundGone(n) : Optional.empty();
            if (gone.isPresent()) {
                dispatch.hold(n, who, gone.get());
                left.add(new PostOfficeBundle.Left(id, gone.get()));
                continue;
            }
            NoticeStore.Approved approved = store.approved(id, n.version()).orElseThrow();
            String tenant = views.lease(who, n.leaseId()).map(LedgerViews.LeaseSummary::tenantName).orElse("");
            letters.add(new PostOfficeBundle.Letter(id, approved.documentNo(),
                    NoticeWorkflow.ApprovedPdf.fileName(approved.documentNo(), tenant), approved.pdf(), recipientOf(n)));
            audited.add(new BundleDownloaded.Letter(id, n.leaseId(), approved.documentNo(), Sha256.hex(approved.pdf())));
        }
        if (letters.isEmpty()) {
            return new Bundle(null, null, String.join("; ", left.stream().map(PostOfficeBundle.Left::reason).toList()), List.of());
        }
        byte[] zip = PostOfficeBundle.zip(letters, left, copies);
        events.publishEvent(new BundleDownloaded(who.name(), audited));
        String name = letters.size() == 1 ? "우체국접수_" + letters.get(0).documentNo() + ".zip"
                : "우체국접수_" + BusinessTime.today(clock) + "_" + letters.size() + "건.zip";
        return new Bundle(zip, name, null, letters.stream().map(PostOfficeBundle.Letter::noticeId).toList());
    }

    /**
     * What the MANAGER copies from the post office's receipt. Blank recipient fields keep the
     * tenant's (a corrected address, or a 우편번호 the ledger lacks, may be given).
     */
    public record Handoff(String receiptNo, String registeredNo, LocalDate postedOn, Long fee, String recipientName,
            String recipientPostcode, String recipientAddress) {}

    /** Records a posting: the notice becomes DISPATCHED (again, after a return), audited with the numbers. */
    @Transactional
    public Posting record(long noticeId, Handoff h, Viewer who) {
        workflow.get(who, noticeId);
        CertifiedNotice n = store.lock(noticeId);
        n.checkHandoff(who);
        LocalDate today = BusinessTime.today(clock);
        Recipient to = recipientOf(n).with(h.recipientName(), h.recipientPostcode(), h.recipientAddress());
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String receipt = h.receiptNo() == null ? "" : h.receiptNo().trim();
        if (receipt.isEmpty() || receipt.length() > 40 || hasControl(receipt)) {
            errors.add(new InvalidInput.FieldError("receiptNo", h.receiptNo(), "우체국 접수번호를 40자 이내로 입력하세요"));
        }
        String registered = digits(h.registeredNo());
        if (!REGISTERED_NO.matcher(registered).matches()) {
            errors.add(new InvalidInput.FieldError("registeredNo", h.registeredNo(), "등기번호는 숫자 13자리입니다"));
        } else if (postings.registeredNoTaken(registered)) {
            errors.add(new InvalidInput.FieldError("registeredNo", h.registeredNo(), "이미 다른 발송에 기록된 등기번호입니다"));
        }
        LocalDate approvedOn = n.decidedAt() == null ? null : seoulDate(n.decidedAt());
        if (h.postedOn() == null || h.postedOn().isAfter(today) || (approvedOn != null && h.postedOn().isBefore(approvedOn))) {
            errors.add(new InvalidInput.FieldError("postedOn", h.postedOn(),
                    "접수일은 승인일(" + approvedOn + ")부터 오늘(" + today + ")까지의 날짜입니다"));
        }
        if (h.fee() == null || h.fee() < 0 || h.fee() > MAX_FEE) {
            errors.add(new InvalidInput.FieldError("fee", h.fee(), "요금은 0원부터 1,000,000원까지의 원 단위 금액입니다"));
        }
        if (to.postcode() == null || !POSTCODE.matcher(to.postcode()).matches()) {
            errors.add(new InvalidInput.FieldError("recipientPostcode", h.recipientPostcode(), "우편번호는 숫자 5자리입니다"));
        }
        if (to.address() == null || to.address().isBlank() || to.address().length() > 300 || hasControl(to.address())
                || to.name().length() > 200 || hasControl(to.name())) {
            errors.add(new InvalidInput.FieldError("recipientAddress", h.recipientAddress(), "수신인 이름과 주소를 확인하세요"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int attempt = postings.count(noticeId) + 1;
        long id = postings.insert(new Postings.NewPosting(noticeId, n.version(), attempt, receipt, registered, h.postedOn(),
                h.fee(), to, who.name(), BusinessTime.now(clock)));
        boolean again = n.status() == NoticeStatus.RETURNED;
        if (again) {
            n.reposted();
        } else {
            n.dispatched();
        }
        store.saved(n, new NoticePosted(who.name(), noticeId, n.leaseId(), id, attempt, n.version(), receipt, registered,
                h.postedOn(), h.fee(), to.postcode(), to.address(), again));
        return posting(noticeId, id);
    }

    /** A 등기번호 typed wrong, corrected with a reason on the day it was recorded, before any delivery news. */
    @Transactional
    public Posting correct(long noticeId, long postingId, String registeredNo, String reason, Viewer who) {
        Locked locked = lock(noticeId, postingId, who, "등기번호 고치기");
        CertifiedNotice n = locked.notice();
        Posting p = locked.posting();
        LocalDate today = BusinessTime.today(clock);
        if (!"POST_OFFICE".equals(p.channel()) || !p.open()) {
            throw new Conflict("배달 결과가 나온 발송의 등기번호는 고칠 수 없습니다");
        }
        if (!seoulDate(p.recordedAt()).equals(today)) {
            throw new Conflict("등기번호는 기록한 날(" + seoulDate(p.recordedAt()) + ")에만 고칠 수 있습니다");
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String registered = digits(registeredNo);
        if (!REGISTERED_NO.matcher(registered).matches()) {
            errors.add(new InvalidInput.FieldError("registeredNo", registeredNo, "등기번호는 숫자 13자리입니다"));
        } else if (registered.equals(p.registeredNo())) {
            errors.add(new InvalidInput.FieldError("registeredNo", registeredNo, "지금 기록된 등기번호와 같습니다"));
        } else if (postings.registeredNoTaken(registered)) {
            errors.add(new InvalidInput.FieldError("registeredNo", registeredNo, "이미 다른 발송에 기록된 등기번호입니다"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500 || hasControl(reason)) {
            errors.add(new InvalidInput.FieldError("reason", reason, "고치는 사유를 500자 이내로 입력하세요"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int discarded = postings.correct(postingId, registered);
        events.publishEvent(new RegisteredNoCorrected(who.name(), noticeId, n.leaseId(), postingId, p.registeredNo(), registered,
                discarded, reason.trim()));
        return posting(noticeId, postingId);
    }

    /**
     * What the post office's site says became of a posting, typed in by a MANAGER when tracking is off
     * or late: delivered (date, receiver) or returned (date, reason). The same change as tracking
     * makes, once: a posting already decided is refused.
     */
    public record Report(boolean delivered, LocalDate on, String receiver, String returnReason) {}

    @Transactional
    public Posting report(long noticeId, long postingId, Report r, Viewer who) {
        Locked locked = lock(noticeId, postingId, who, "배달 결과 기록");
        CertifiedNotice n = locked.notice();
        Posting p = locked.posting();
        if (!p.open() || n.status() != NoticeStatus.DISPATCHED) {
            throw new Conflict("이 발송의 배달 결과는 이미 기록되었습니다");
        }
        LocalDate today = BusinessTime.today(clock);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        LocalDate posted = p.postedOn() != null ? p.postedOn() : seoulDate(p.recordedAt());
        if (r.on() == null || r.on().isAfter(today) || r.on().isBefore(posted)) {
            errors.add(new InvalidInput.FieldError("on", r.on(), "배달·반송일은 접수일(" + posted + ")부터 오늘(" + today + ")까지의 날짜입니다"));
        }
        String words = r.delivered() ? r.receiver() : r.returnReason();
        String field = r.delivered() ? "receiver" : "returnReason";
        if (words == null || words.isBlank() || words.length() > 200 || hasControl(words)) {
            errors.add(new InvalidInput.FieldError(field, words, r.delivered() ? "수령인을 200자 이내로 입력하세요 (예: 김대성 - 본인)"
                    : "반송 사유를 200자 이내로 입력하세요 (예: 수취인부재)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String said = words.strip();
        if (r.delivered()) {
            postings.delivered(postingId, r.on(), said, BusinessTime.now(clock));
            n.delivered();
            store.saved(n, new NoticeDelivered(who.name(), noticeId, n.leaseId(), postingId, p.registeredNo(), r.on(), said));
        } else {
            postings.returned(postingId, r.on(), said, BusinessTime.now(clock));
            n.returned();
            store.saved(n, new NoticeReturned(who.name(), noticeId, n.leaseId(), postingId, p.registeredNo(), r.on(), said));
        }
        return posting(noticeId, postingId);
    }

    private record Locked(CertifiedNotice notice, Posting posting) {}

    /** A posting of a notice the caller may see, both row-locked, for a MANAGER to change. */
    private Locked lock(long noticeId, long postingId, Viewer who, String action) {
        workflow.get(who, noticeId);
        CertifiedNotice n = store.lock(noticeId);
        if (who.role() != Role.MANAGER) {
            throw new NotAllowed(action + " 작업은 담당자(MANAGER)만 할 수 있습니다 (" + who.name() + ": " + who.role() + ")");
        }
        Posting p = postings.lock(postingId).filter(x -> x.noticeId() == noticeId)
                .orElseThrow(() -> new NotFound("posting of notice " + noticeId, postingId));
        return new Locked(n, p);
    }

    /** Every posting of a notice the caller may see, with its tracking events. */
    @Transactional(readOnly = true)
    public List<Posting> postings(Viewer viewer, long noticeId) {
        workflow.get(viewer, noticeId);
        return postings.of(noticeId);
    }

    /**
     * The actual last day to pay of a delivered demand: the delivery date + the days it gives
     * ("이 통지서를 받은 날로부터 N일 이내"); empty before delivery, and for other notices.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> lastDayToPay(Viewer viewer, long noticeId) {
        CertifiedNotice n = workflow.get(viewer, noticeId);
        if (n.kind() != NoticeKind.DEMAND || n.status() != NoticeStatus.DELIVERED) {
            return Optional.empty();
        }
        int days = store.content(noticeId, n.version()).deadlineDays();
        return postings.of(noticeId).stream().filter(p -> "DELIVERED".equals(p.deliveryStatus())).map(Posting::deliveredOn)
                .reduce((a, b) -> b).map(d -> d.plusDays(days));
    }

    private Posting posting(long noticeId, long postingId) {
        return postings.of(noticeId).stream().filter(p -> p.id() == postingId).findFirst().orElseThrow();
    }

    private Recipient recipientOf(CertifiedNotice n) {
        LedgerViews.LeaseSummary lease = views.lease(Viewer.SYSTEM, n.leaseId()).orElseThrow(() -> new NotFound("lease", n.leaseId()));
        return Recipient.of(views.tenant(Viewer.SYSTEM, lease.tenantId()).orElseThrow());
    }

    /** "1234-5678-9012-3" or "1234 5678 90123" as the receipt prints it → the 13 digits. */
    private static String digits(String s) {
        return s == null ? "" : s.replaceAll("[\\s-]", "");
    }

    private static LocalDate seoulDate(java.time.Instant at) {
        return LocalDate.ofInstant(at, BusinessTime.SEOUL);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c));
    }
}

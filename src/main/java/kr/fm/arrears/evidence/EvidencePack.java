package kr.fm.arrears.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.fm.arrears.audit.AuditExtracts;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.history.Archive;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.history.Labels;
import kr.fm.arrears.history.NoticeArchive;
import kr.fm.arrears.history.NoticeHistory;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.Message;
import kr.fm.arrears.messaging.Outbox;
import kr.fm.arrears.notice.CertifiedNotice;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A case's evidence pack, written straight to the response: the documents rendered one at a time,
 * the notices' PDFs and proofs through the history's {@link NoticeArchive}, each entry hashed as it
 * leaves ({@link Archive}) and listed with its SHA-256 in {@code index.csv}, the last entry.
 */
@Component
@RequiredArgsConstructor
class EvidencePack {

    static final String COVER = "01_표지.pdf";
    static final String STATEMENT = "02_원장명세서.pdf";
    static final String REMINDERS = "03_독촉안내내역.csv";
    static final String AUDIT = "04_감사기록.csv";
    static final String AUDIT_CHECK = "04_감사기록_검증결과.txt";
    static final String ORDER_PDF = "05_지급명령신청서_초안.pdf";
    static final String ORDER_TEXT = "05_지급명령신청서_초안_전자소송입력용.txt";
    static final String INDEX = "index.csv";
    /** Creditor and debtor: the 송달료 counts each party. */
    static final int PARTIES = 2;
    private static final int MESSAGES = 1_000;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final LedgerViews views;
    private final Ledger ledger;
    private final Outbox outbox;
    private final NoticeWorkflow notices;
    private final NoticeHistory history;
    private final NoticeArchive archive;
    private final AuditExtracts audit;
    private final EvidenceDocuments documents;
    private final EvidenceProperties properties;

    /** The case as the viewer may see it (another landlord's: not found), its ledger read to {@code asOf}. */
    CaseFile read(Viewer viewer, long caseId, LocalDate asOf, LocalDate today) {
        Cases.CaseView kase = cases.find(viewer, caseId).orElseThrow(() -> new NotFound("case", caseId));
        long leaseId = kase.leaseId();
        LedgerViews.LeaseSummary lease = views.lease(viewer, leaseId).orElseThrow(() -> new NotFound("case", caseId));
        List<CertifiedNotice> caseNotices = notices.list(viewer, null, null, leaseId, 100, 0).stream()
                .filter(n -> n.caseId() == caseId).toList();
        List<Long> approved = caseNotices.stream().filter(EvidencePack::approved).map(CertifiedNotice::id).sorted().toList();
        return new CaseFile(kase, lease, views.landlord(Viewer.SYSTEM, lease.landlordId()).orElseThrow(),
                views.tenant(Viewer.SYSTEM, lease.tenantId()).orElseThrow(),
                views.building(Viewer.SYSTEM, lease.buildingId()).orElseThrow(), ledger.terms(List.of(leaseId), asOf).get(leaseId),
                ledger.arrears(leaseId, asOf).orElseThrow(),
                views.charges(leaseId).stream().filter(c -> !c.dueDate().isAfter(asOf)).toList(),
                views.payments(leaseId).stream().filter(p -> !p.paidOn().isAfter(asOf)).toList(),
                outbox.list(viewer, new Outbox.Filter(caseId, null, null, null, MESSAGES, 0)), caseNotices,
                approved.isEmpty() ? List.of() : history.notices(approved), asOf, today);
    }

    /** The draft 지급명령 of the case file: the ledger's figures, the fee rules, the settings. */
    PaymentOrder paymentOrder(CaseFile f) {
        return PaymentOrder.of(f.arrears(), f.terms(), PARTIES, properties);
    }

    /** The pack's own documents, rendered before the first byte leaves: a template error is a clean 500, not a cut ZIP. */
    record Documents(PaymentOrder order, byte[] cover, byte[] statement, byte[] orderPdf, String orderText) {}

    Documents render(CaseFile f) {
        PaymentOrder order = paymentOrder(f);
        return new Documents(order, documents.cover(f), documents.statement(f), documents.paymentOrderPdf(f, order),
                documents.paymentOrderText(f, order));
    }

    void write(CaseFile f, Documents d, OutputStream out) throws IOException {
        Archive zip = new Archive(out);
        List<List<String>> index = new ArrayList<>();
        index.add(row(zip.put(COVER, d.cover()), "표지: 당사자, 임대차계약, 진행 경과"));
        index.add(row(zip.put(STATEMENT, d.statement()), "원장 명세서 (" + f.asOf() + " 현재): 청구, 입금, 취소, 지연손해금"));
        index.add(row(zip.put(REMINDERS, o -> reminders(f, o)), "독촉·안내 발송 내역과 전달 상태"));
        for (HistoryEntry e : f.filed()) {
            for (NoticeArchive.Filed filed : archive.write(zip, e)) {
                index.add(row(filed.file(), filed.kind() + " " + e.documentNo() + dispatches(e)));
            }
        }
        Archive.Filed postings = archive.dispatches(zip, f.filed());
        if (postings != null) {
            index.add(row(postings, "내용증명 발송 기록 (등기번호, 배달 결과)"));
        }
        AuditExtracts.Extract extract = audit.lease(f.lease().leaseId());
        index.add(row(zip.put(AUDIT, o -> audit(extract, o)), "이 계약의 감사 기록 " + extract.events().size() + "건"));
        index.add(row(zip.put(AUDIT_CHECK, verification(extract).getBytes(StandardCharsets.UTF_8)), "감사 기록 연결(해시 체인) 검증 결과"));
        index.add(row(zip.put(ORDER_PDF, d.orderPdf()), "지급명령 신청서 초안 (법률 전문가 검토용)"));
        index.add(row(zip.put(ORDER_TEXT, d.orderText().getBytes(StandardCharsets.UTF_8)),
                "지급명령 신청서 초안, 전자소송 입력 항목별 텍스트"));
        zip.put(INDEX, o -> {
            CSVPrinter csv = Archive.csv(o, "파일명", "내용", "SHA-256");
            for (List<String> r : index) {
                Archive.row(csv, r);
            }
            csv.flush();
        });
        zip.finish();
    }

    static boolean approved(CertifiedNotice n) {
        return n.status().compareTo(NoticeStatus.APPROVED) >= 0 && n.status() != NoticeStatus.REJECTED;
    }

    private static List<String> row(Archive.Filed f, String what) {
        return List.of(f.name(), what, f.sha256());
    }

    private static String dispatches(HistoryEntry e) {
        return e.dispatches().isEmpty() ? "" : " · " + String.join(" / ", e.dispatches().stream().map(HistoryEntry.Dispatch::label).toList());
    }

    /** Every message of the case, first first: what it said, where it went and what became of it. */
    private static void reminders(CaseFile f, OutputStream out) throws IOException {
        CSVPrinter csv = Archive.csv(out, "작성 일시", "발송 일시", "전달 일시", "단계", "경로", "수신처", "상태", "제목", "내용");
        for (Message m : f.messages()) {
            Archive.row(csv, List.of(minutes(m.createdAt()), minutes(m.sentAt()), minutes(m.deliveredAt()),
                    Labels.stage(m.stage()), Labels.channel(m.channel()), Objects.toString(m.recipient(), ""),
                    Labels.status(HistoryEntry.REMINDER, m.state().name(), m.cancelReason() == null ? null : m.cancelReason().name(),
                            m.sentInDemo()), Objects.toString(m.subject(), ""), Objects.toString(m.body(), "")));
        }
        csv.flush();
    }

    private static void audit(AuditExtracts.Extract extract, OutputStream out) throws IOException {
        CSVPrinter csv = Archive.csv(out, "번호", "일시", "행위자", "동작", "대상", "대상 번호", "사유", "상세", "이전 해시", "해시");
        for (AuditExtracts.Event e : extract.events()) {
            Archive.row(csv, List.of(String.valueOf(e.id()), minutes(e.at()), e.actor(), e.action(), Objects.toString(e.subjectType(), ""),
                    Objects.toString(e.subjectId(), ""), Objects.toString(e.reason(), ""), Objects.toString(e.details(), ""),
                    e.prevHash(), e.hash()));
        }
        csv.flush();
    }

    /** The chain's verification as a person reads it, with what a checker needs to repeat it. */
    static String verification(AuditExtracts.Extract extract) {
        var v = extract.verification();
        return (v.intact() ? "결과: 정상 — 감사 기록 " + v.eventsChecked() + "건 전체의 해시 체인이 끊기거나 변경된 곳 없이 이어집니다.\n"
                : "결과: 이상 발견 — 기록 번호 " + v.firstBrokenId() + "에서 체인이 맞지 않습니다 (" + v.problem() + ").\n")
                + "검증 범위: 감사 기록 전체 (이 계약의 기록 " + extract.events().size() + "건 포함)\n"
                + "방법: 각 기록은 직전 기록의 SHA-256 해시를 담고, 자기 내용의 해시와 함께 저장됩니다. "
                + "같은 검증은 GET /api/audit/verify 또는 java -jar arrears.jar audit-verify 로 다시 할 수 있습니다.\n";
    }

    private static String minutes(java.time.Instant at) {
        return at == null ? "" : MINUTES.format(LocalDateTime.ofInstant(at, BusinessTime.SEOUL));
    }
}

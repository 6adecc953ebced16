package kr.fm.arrears.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.fm.arrears.notice.DeliveryProofs;
import kr.fm.arrears.notice.NoticeWorkflow;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Approved notices into an {@link Archive}: each PDF, byte for byte as approved, with the post
 * office's 배달증명 and 등본 beside it, and {@code 발송기록.csv} (every posting with its 등기번호 and
 * outcome). One way of filing notices, for the history's ZIP and a case's evidence pack.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NoticeArchive {

    /** Every posting of the archive's notices, a row each: a notice posted again after a return has two. */
    public static final String DISPATCHES_FILE = "발송기록.csv";
    private static final String[] DISPATCHES = {"문서번호", "임차인", "계약", "회차", "등기번호", "접수일", "수신 주소", "결과", "결과일",
            "수령인·반송 사유"};

    /** A file written for a notice: its approved PDF ({@code kind} "내용증명") or one of its proofs. */
    public record Filed(Archive.Filed file, HistoryEntry notice, String kind) {}

    private final NoticeWorkflow notices;
    private final DeliveryProofs proofs;

    /** The notice's approved PDF and its proofs, read from the database when its turn comes. */
    public List<Filed> write(Archive archive, HistoryEntry e) throws IOException {
        List<Filed> written = new ArrayList<>();
        Archive.Filed pdf = archive.put(NoticeWorkflow.ApprovedPdf.fileName(e.documentNo(), e.tenantName()),
                notices.approvedCopy(e.noticeId()));
        written.add(new Filed(pdf, e, e.description()));
        for (DeliveryProofs.File proof : proofs.files(e.noticeId())) {
            String name = proof.proof().kind().korean() + "_" + e.documentNo() + "_" + proof.proof().id() + ".pdf";
            written.add(new Filed(archive.put(name, proof.pdf()), e, proof.proof().kind().korean()));
        }
        return written;
    }

    /** {@code 발송기록.csv} of these notices, when any was posted (else nothing is written and null returned). */
    public Archive.Filed dispatches(Archive archive, List<HistoryEntry> filed) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        filed.forEach(e -> e.dispatches().forEach(d -> rows.add(List.of(e.documentNo(), e.tenantName(), e.leaseCode(),
                String.valueOf(d.attempt()), Objects.toString(d.registeredNo(), ""), Objects.toString(d.postedOn(), ""),
                Objects.toString(d.recipientAddress(), ""), d.outcome() == null ? "배달 전"
                        : "DELIVERED".equals(d.outcome()) ? "배달 완료" : "반송",
                Objects.toString(d.outcomeOn(), ""), Objects.toString(d.outcomeDetail(), "")))));
        if (rows.isEmpty()) {
            return null;
        }
        return archive.put(DISPATCHES_FILE, out -> {
            CSVPrinter csv = Archive.csv(out, DISPATCHES);
            for (List<String> row : rows) {
                Archive.row(csv, row);
            }
            csv.flush();
        });
    }
}

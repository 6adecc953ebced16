package kr.fm.arrears.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.history.KeptDocuments;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly reports in the landlord's history (its list and its ZIP): the history asks through its
 * {@link KeptDocuments} port, which this module implements, so the history never depends on the report.
 */
@Component
@RequiredArgsConstructor
class ReportDocuments implements KeptDocuments {

    static final String KIND = "MONTHLY_REPORT";

    private final JdbcClient jdbc;

    @Override
    public List<Document> documents(Viewer viewer, Long landlordId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, landlord_id, month, sha256, generated_at FROM owner_report
                WHERE (CAST(:landlord AS BIGINT) IS NULL OR landlord_id = :landlord)
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR generated_at >= :from)
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR generated_at < :to)
                ORDER BY generated_at DESC, id DESC""")
                .param("landlord", viewer.landlordFilter(landlordId))
                .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(BusinessTime.SEOUL).toInstant()))
                .param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(BusinessTime.SEOUL).toInstant()))
                .query((rs, i) -> document(rs.getLong(1), rs.getLong(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public Optional<byte[]> content(Document d) {
        if (!KIND.equals(d.kind())) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT pdf FROM owner_report WHERE id = ?").param(d.id()).query(byte[].class).optional();
    }

    private static Document document(long id, long landlordId, YearMonth month, String sha, java.time.Instant at) {
        return new Document(KIND, id, landlordId, at, "월간 임대관리 보고서 " + ReportDocument.label(month),
                fileName(month, landlordId), sha, "/portal/reports/" + month + "?landlordId=" + landlordId, "/api/reports/monthly/" + id + ".pdf");
    }

    /** The report's file name, as the download and the e-mail name it (with the landlord: staff's ZIP holds many). */
    static String fileName(YearMonth month, long landlordId) {
        return "월간임대관리보고서_" + month + "_" + landlordId + ".pdf";
    }
}

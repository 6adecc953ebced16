package kr.fm.arrears.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly owner reports: made once per landlord and month (the table's unique key decides, so a
 * second schedule node, a re-run or an ADMIN's run for the month makes nothing twice unless it asks to
 * replace), kept as generated, sent once to the owner and the accountant (ReportSending), listed and
 * downloaded by the landlord. Every generation and download is a past-tense event for the audit trail.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OwnerReports {

    /** A stored report, without its PDF. */
    public record Report(long id, long landlordId, YearMonth month, String sha256, Instant generatedAt, String generatedBy) {}

    /** What a run for a month did: the reports it made, and how many landlords already had theirs. */
    public record Run(YearMonth month, List<Report> made, int alreadyMade) {}

    private final ReportFigures figures;
    private final ReportDocument document;
    private final ReportSending sending;
    private final LedgerViews views;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The month the schedule reports on: the one before today's (Asia/Seoul). */
    public YearMonth previousMonth() {
        return YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
    }

    /** Every landlord's report of the month; {@code replace}: make again those already made. */
    public Run generate(YearMonth month, boolean replace, String actor) {
        if (!month.isBefore(YearMonth.from(BusinessTime.today(clock)))) {
            throw InvalidInput.of("month", month, "must be a month that has ended");
        }
        List<Report> made = new ArrayList<>();
        int already = 0;
        for (LedgerViews.Landlord l : views.landlords(Viewer.SYSTEM)) {
            Optional<Report> r = generate(l.id(), month, replace, actor);
            if (r.isPresent()) {
                made.add(r.get());
            } else {
                already++;
            }
        }
        return new Run(month, made, already);
    }

    /** One landlord's report of the month; empty when it was already made and not to be replaced. */
    public Optional<Report> generate(long landlordId, YearMonth month, boolean replace, String actor) {
        if (!replace && find(landlordId, month).isPresent()) {
            return Optional.empty();
        }
        LocalDate today = BusinessTime.today(clock);
        byte[] pdf = document.pdf(figures.of(landlordId, month), today);
        String sha = Sha256.hex(pdf);
        Instant now = BusinessTime.now(clock);
        return tx.execute(s -> {
            boolean existed = find(landlordId, month).isPresent();
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO owner_report (landlord_id, month, pdf, sha256, generated_at, generated_by)
                    VALUES (:landlord, :month, :pdf, :sha, :at, :by)
                    ON CONFLICT (landlord_id, month) DO """ + (replace
                    ? " UPDATE SET pdf = EXCLUDED.pdf, sha256 = EXCLUDED.sha256, generated_at = EXCLUDED.generated_at,"
                            + " generated_by = EXCLUDED.generated_by"
                    : " NOTHING") + " RETURNING id")
                    .param("landlord", landlordId).param("month", month.atDay(1)).param("pdf", pdf).param("sha", sha)
                    .param("at", Timestamp.from(now)).param("by", actor)
                    .query(Long.class).optional();
            id.ifPresent(i -> events.publishEvent(new ReportGenerated(i, landlordId, month, sha, existed, actor)));
            Optional<Report> made = id.map(i -> new Report(i, landlordId, month, sha, now, actor));
            // in the same transaction: a report is made and queued to its recipients together, or neither
            made.ifPresent(sending::send);
            return made;
        });
    }

    /** The landlord's reports, newest month first; a LANDLORD sees only their own. */
    public List<Report> list(Viewer viewer, Long landlordId) {
        return jdbc.sql("SELECT id, landlord_id, month, sha256, generated_at, generated_by FROM owner_report"
                        + " WHERE (CAST(:landlord AS BIGINT) IS NULL OR landlord_id = :landlord) ORDER BY month DESC, landlord_id")
                .param("landlord", viewer.landlordFilter(landlordId))
                .query((rs, i) -> new Report(rs.getLong(1), rs.getLong(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /** A report the viewer may see: another landlord's is "not found". */
    public Report report(Viewer viewer, long id) {
        return list(viewer, null).stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new NotFound("report", id));
    }

    /** The stored PDF, byte for byte as generated; the download is audited. */
    public byte[] download(Viewer viewer, long id) {
        Report r = report(viewer, id);
        return tx.execute(s -> {
            events.publishEvent(new ReportDownloaded(r.id(), r.landlordId(), r.month(), viewer.name()));
            return jdbc.sql("SELECT pdf FROM owner_report WHERE id = ?").param(id).query(byte[].class).single();
        });
    }

    /** The report's figures as the PDF states them, worked out again (for the portal page and the tests). */
    public MonthlyReport figures(Viewer viewer, long landlordId, YearMonth month) {
        if (viewer.landlordFilter(landlordId) != landlordId) {
            throw new NotFound("landlord", landlordId);
        }
        return figures.of(landlordId, month);
    }

    /** The report's two charts for the viewer's own buildings, the 12 months ending with {@code month}. */
    public record Trends(Charts.Chart balance, Charts.Chart rate) {}

    public Trends trends(Viewer viewer, YearMonth month) {
        long landlordId = viewer.ownLandlord().orElseThrow(() -> new NotFound("landlord", viewer.name()));
        return figures.trends(landlordId, month);
    }

    private Optional<Long> find(long landlordId, YearMonth month) {
        return jdbc.sql("SELECT id FROM owner_report WHERE landlord_id = ? AND month = ?").params(landlordId, month.atDay(1))
                .query(Long.class).optional();
    }
}

package kr.fm.arrears.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.notice.PdfPages;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly owner report of June 2026 for 한울산업개발 (the README's portfolio, landlord A of
 * {@link Portfolios#twoLandlords()}), its figures worked by hand from what June held, and its PDF.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerReportsTest {

    static final YearMonth JUNE = YearMonth.of(2026, 6);

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired OwnerReports reports;
    @Autowired kr.fm.arrears.ledger.ChargeGenerator charges;
    @Autowired kr.fm.arrears.messaging.MessageAttachments attachments;
    @Autowired kr.fm.arrears.messaging.Dispatcher dispatcher;

    TwoLandlords two;

    @BeforeAll
    void june() {
        two = portfolios.twoLandlords();
        long hw101 = portfolios.leaseId("HW-101");
        long hw301 = portfolios.leaseId("HW-301");
        long hw302 = portfolios.leaseId("HW-302");
        // June's reminders: one of each stage left (one reported delivered), one still waiting (not counted)
        message(hw302, null, "UPCOMING", "ALIMTALK", "SENT", LocalDateTime.of(2026, 6, 7, 9, 0));
        message(hw301, portfolios.openCase("HW-301"), "REMINDER_1", "ALIMTALK", "SENT", LocalDateTime.of(2026, 6, 2, 10, 0));
        message(hw301, portfolios.openCase("HW-301"), "REMINDER_2", "EMAIL", "DELIVERED", LocalDateTime.of(2026, 6, 9, 9, 0));
        message(hw101, portfolios.openCase("HW-101"), "FINAL_REMINDER", "SMS", "SENT", LocalDateTime.of(2026, 6, 15, 9, 0));
        message(hw101, portfolios.openCase("HW-101"), "FINAL_REMINDER", "EMAIL", "QUEUED", null);
        // HW-101's demand handed to the post office on 5 June, delivered on 8 June
        jdbc.sql("""
                INSERT INTO notice_dispatch (notice_id, version, dispatch_key, status, requested_by, created_at, sent_at,
                                             delivery_status, delivered_on)
                VALUES (?, 1, 'report-june', 'SENT', 'kim', ?, ?, 'DELIVERED', '2026-06-08')""")
                .params(two.noticeA(), seoul(LocalDateTime.of(2026, 6, 5, 10, 0)), seoul(LocalDateTime.of(2026, 6, 5, 10, 0)))
                .update();
        payment(hw101, "2026-06-20", 1_000_000);  // after its reminder and after its notice
        payment(hw301, "2026-06-25", 300_000);    // after its 2 June reminder
        payment(hw302, "2026-06-10", 500_000);    // its case had no overdue reminder: neither
        // June's charges, as the monthly charges schedule makes them
        charges.generateMonth(JUNE, "SYSTEM");
        clock.set(LocalDateTime.of(2026, 7, 1, 9, 0));
    }

    @Test
    void the_june_figures_are_the_ones_worked_by_hand() {
        MonthlyReport r = reports.figures(kr.fm.arrears.shared.Viewer.SYSTEM, two.landlordA(), JUNE);

        assertThat(r.reminders()).extracting(s -> s.stage() + " " + s.sent() + " " + s.delivered())
                .containsExactly("UPCOMING 1 0", "REMINDER_1 1 0", "REMINDER_2 1 1", "FINAL_REMINDER 1 0");
        assertThat(r.noticesDispatched()).isEqualTo(1);
        assertThat(r.noticesDelivered()).isEqualTo(1);
        assertThat(r.collected()).isEqualTo(1_800_000);
        assertThat(r.collectedAfterReminder()).isEqualTo(1_300_000);
        assertThat(r.collectedAfterNotice()).isEqualTo(1_000_000);
        // at 30 June: HW-101 six charges of 3,630,000 (Jan–Jun, due the 10th) less 8,260,000 + 1,000,000 paid;
        // HW-301 six of 1,815,000 (due the 25th) less 1,815,000 + 300,000; HW-302 seven of 2,420,000 (Nov–May; June's
        // falls due on the 30th, overdue only from 1 July) less 4,840,000 + 500,000
        assertThat(r.open()).extracting(b -> b.building() + " " + b.leases().size() + " " + b.balance())
                .containsExactly("한울 제1공장 3 32895000");
        assertThat(r.open().get(0).leases()).extracting(l -> l.leaseCode() + " " + l.balance())
                .containsExactly("HW-101 12520000", "HW-301 8775000", "HW-302 11600000");
        assertThat(r.overdueBalance()).hasSize(12);
        assertThat(r.overdueBalance().get(11).amount()).isEqualTo(32_895_000);
        assertThat(r.overdueBalance().get(0).month()).isEqualTo(YearMonth.of(2025, 7));
        // June: 1,800,000 collected of 3,630,000 + 1,815,000 + 2,420,000 falling due
        assertThat(r.collectionRate().get(11)).satisfies(p -> {
            assertThat(p.due()).isEqualTo(7_865_000);
            assertThat(p.percent()).isEqualTo(23);
        });
    }

    @Test
    void the_pdf_states_the_figures_draws_the_charts_as_vector_bars_with_korean_months_and_embeds_its_font() throws IOException {
        reports.generate(JUNE, false, "admin");
        OwnerReports.Report report = reports.list(kr.fm.arrears.shared.Viewer.landlord("hanul", two.landlordA()), null).stream()
                .filter(r -> r.month().equals(JUNE)).findFirst().orElseThrow();
        byte[] pdf = reports.download(kr.fm.arrears.shared.Viewer.landlord("hanul", two.landlordA()), report.id());

        java.nio.file.Files.write(java.nio.file.Path.of("target/owner-report-2026-06.pdf"), pdf);
        PdfPages pages = PdfPages.read(pdf);
        assertThat(pages.texts()).hasSizeBetween(1, 3);
        String text = pages.text();
        assertThat(text).contains("월간 임대관리 보고서", "한울산업개발 귀하", "2026년 6월", "1차 독촉", "32,895,000원", "12,520,000원",
                "1,800,000원", "1,300,000원", "1,000,000원", "분할납부 약정 없음", "월말 연체 잔액", "월별 수납률");
        assertThat(text).contains("7월", "12월", "1월", "6월", "23%");
        assertThat(pages.fonts()).isNotEmpty().allSatisfy(f -> assertThat(f.embeddedTrueType()).as(f.name()).isTrue());
        // one filled path per bar: the five month ends with a balance (February to June; at January's end only
        // HW-302's charge due that day was unpaid, not yet overdue), the six months with a collection rate above 0
        assertThat(filledPaths(pdf, 0xc0, 0x39, 0x2b)).as("balance bars").isEqualTo(5);
        assertThat(filledPaths(pdf, 0x24, 0x71, 0xa3)).as("collection-rate bars").isEqualTo(6);
        assertThat(report.sha256()).isEqualTo(kr.fm.arrears.shared.Sha256.hex(pdf));
    }

    @Test
    void generating_the_month_twice_makes_one_report_per_landlord_and_audits_each_once() {
        OwnerReports.Run first = reports.generate(YearMonth.of(2026, 5), false, "SYSTEM");
        OwnerReports.Run again = reports.generate(YearMonth.of(2026, 5), false, "SYSTEM");

        assertThat(first.made()).extracting(OwnerReports.Report::landlordId).contains(two.landlordA(), two.landlordB());
        assertThat(again.made()).isEmpty();
        assertThat(again.alreadyMade()).isEqualTo(first.made().size());
        assertThat(jdbc.sql("SELECT count(*) FROM owner_report WHERE month = '2026-05-01'").query(Long.class).single())
                .isEqualTo(first.made().size());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'REPORT_GENERATED' AND CAST(details AS jsonb)->>'month' = '2026-05'""")
                .query(Long.class).single()).isEqualTo(first.made().size());
    }

    @Test
    void only_an_admin_runs_a_month_again_and_a_landlord_sees_only_their_own_reports() {
        assertThat(api.as(TwoLandlords.MANAGER, TwoLandlords.PASSWORD).postJson("/api/reports/monthly?month=2026-04", java.util.Map.of()).status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/reports/monthly?month=2026-04", java.util.Map.of()).status()).isEqualTo(200);
        Api.Response ofB = two.ownerB(api).get("/api/reports/monthly");
        assertThat(ofB.body()).isNotEmpty().allSatisfy(r -> assertThat(r.get("landlordId").asLong()).isEqualTo(two.landlordB()));
        long reportOfA = reports.list(kr.fm.arrears.shared.Viewer.SYSTEM, two.landlordA()).get(0).id();
        assertThat(two.ownerB(api).get("/api/reports/monthly/" + reportOfA + ".pdf").status()).isEqualTo(404);
    }

    @Test
    void the_first_business_day_skips_weekends_and_holidays() {
        assertThat(MonthlyReportJob.firstBusinessDay(LocalDate.of(2026, 8, 20), java.util.Set.of()))
                .isEqualTo(LocalDate.of(2026, 8, 3)); // 1 Aug 2026 is a Saturday
        assertThat(MonthlyReportJob.firstBusinessDay(LocalDate.of(2026, 1, 5), java.util.Set.of(LocalDate.of(2026, 1, 1))))
                .isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void the_report_goes_once_to_the_owner_and_the_accountant_by_email_with_its_pdf_and_by_alimtalk_with_the_portal_link() {
        accountantOfA();
        long made = reports.generate(two.landlordA(), YearMonth.of(2026, 3), false, "SYSTEM").orElseThrow().id();
        // run again, and made again on an ADMIN's word: the same keys, nothing queued twice
        reports.generate(YearMonth.of(2026, 3), false, "SYSTEM");
        long replaced = reports.generate(two.landlordA(), YearMonth.of(2026, 3), true, "admin").orElseThrow().id();
        assertThat(replaced).isEqualTo(made);

        // 한울산업개발's own phone is a landline (031) and it has no e-mail in the example: the accountant's only
        assertThat(reportMessages(two.landlordA(), "2026-03")).containsExactly(
                "ALIMTALK +821055550101 ARR_REPORT -", "EMAIL tax@hanul.example - owner_report:" + made);
        String alimTalk = jdbc.sql("SELECT body FROM message WHERE idempotency_key = ?")
                .param("report:" + two.landlordA() + ":2026-03:ALIMTALK:+821055550101").query(String.class).single();
        assertThat(alimTalk).contains("한울산업개발님, 2026년 3월 임대관리 보고서가 준비되었습니다", "/portal/reports/2026-03");
        // the mail gateway fetches the stored PDF when it sends: the very bytes the portal serves
        byte[] attached = attachments.fetch("owner_report:" + made).orElseThrow().bytes();
        assertThat(kr.fm.arrears.shared.Sha256.hex(attached))
                .isEqualTo(reports.report(kr.fm.arrears.shared.Viewer.SYSTEM, made).sha256());
    }

    @Test
    void an_opted_out_landlord_gets_nothing() {
        assertThat(api.send(org.springframework.http.HttpMethod.PUT, "/api/landlords/" + two.landlordB() + "/report-settings",
                java.util.Map.of(), java.util.Map.of("optedOut", true, "accountantEmail", "tax@seodong.example")).status())
                .isEqualTo(200);
        assertThat(two.ownerB(api).get("/api/landlords/" + two.landlordB() + "/report-settings").body().get("optedOut").asBoolean())
                .isTrue();

        assertThat(reports.generate(two.landlordB(), YearMonth.of(2026, 2), false, "SYSTEM")).isPresent();
        assertThat(reportMessages(two.landlordB(), "2026-02")).isEmpty();
    }

    @Test
    void a_bad_accountant_phone_is_refused_naming_the_field_and_nothing_changes() {
        Api.Response r = api.send(org.springframework.http.HttpMethod.PUT, "/api/landlords/" + two.landlordA() + "/report-settings",
                java.util.Map.of(), java.util.Map.of("accountantPhone", "031-355-1200"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("accountantPhone");
    }

    @Test
    void a_run_during_quiet_hours_waits_until_eight_in_the_morning() {
        accountantOfA();
        clock.set(LocalDateTime.of(2026, 8, 4, 22, 0)); // a Tuesday, 22:00 Seoul: an ADMIN runs July
        reports.generate(two.landlordA(), YearMonth.of(2026, 7), false, "admin");
        dispatcher.drain();
        assertThat(reportStates(two.landlordA(), "2026-07")).containsOnly("QUEUED 2026-08-05T08:00");

        clock.set(LocalDateTime.of(2026, 8, 5, 8, 0));
        dispatcher.drain();
        assertThat(reportStates(two.landlordA(), "2026-07")).containsOnly("SENT 2026-08-05T08:00");
    }

    // --- helpers

    private void accountantOfA() {
        assertThat(api.send(org.springframework.http.HttpMethod.PUT, "/api/landlords/" + two.landlordA() + "/report-settings",
                java.util.Map.of(), java.util.Map.of("optedOut", false, "accountantEmail", "tax@hanul.example",
                        "accountantPhone", "010-5555-0101")).status()).isEqualTo(200);
    }

    private List<String> reportMessages(long landlordId, String month) {
        return jdbc.sql("""
                SELECT channel || ' ' || recipient || ' ' || coalesce(template_code, '-') || ' ' || coalesce(attachment_ref, '-')
                FROM message WHERE idempotency_key LIKE ? ORDER BY channel, recipient""")
                .param("report:" + landlordId + ":" + month + ":%").query(String.class).list();
    }

    /** Each report message's state and when it left (SENT) or may leave (QUEUED), Seoul time. */
    private List<String> reportStates(long landlordId, String month) {
        return jdbc.sql("SELECT state, coalesce(sent_at, next_attempt_at) FROM message WHERE idempotency_key LIKE ?")
                .param("report:" + landlordId + ":" + month + ":%")
                .query((rs, i) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant().atZone(BusinessTime.SEOUL)
                        .toLocalDateTime()).list();
    }

    /** How many filled vector paths the pages paint in the colour (r, g, b in 0–255). */
    private static int filledPaths(byte[] pdf, int r, int g, int b) throws IOException {
        int count = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                List<Object> operands = new ArrayList<>();
                boolean inColour = false;
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (!(token instanceof Operator op)) {
                        operands.add(token);
                        continue;
                    }
                    if (op.getName().equals("rg")) {
                        inColour = operands.size() == 3 && near(operands.get(0), r) && near(operands.get(1), g) && near(operands.get(2), b);
                    } else if (op.getName().equals("f") && inColour) {
                        count++;
                    }
                    operands.clear();
                }
            }
        }
        return count;
    }

    private static boolean near(Object operand, int channel) {
        return operand instanceof COSNumber n && Math.abs(n.floatValue() * 255 - channel) < 1;
    }

    private static Timestamp seoul(LocalDateTime t) {
        return Timestamp.from(t.atZone(BusinessTime.SEOUL).toInstant());
    }

    private void message(long lease, Long caseId, String stage, String channel, String state, LocalDateTime sentSeoul) {
        long tenant = jdbc.sql("SELECT tenant_id FROM lease WHERE id = ?").param(lease).query(Long.class).single();
        Timestamp created = seoul(LocalDateTime.of(2026, 6, 1, 8, 0));
        jdbc.sql("""
                INSERT INTO message (idempotency_key, case_id, lease_id, tenant_id, stage, channel, kind, body, state, created_at,
                                     updated_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '본문', ?, ?, ?, ?)""")
                .params("report-" + java.util.UUID.randomUUID(), caseId, lease, tenant, stage, channel, channel, state, created,
                        created, sentSeoul == null ? null : seoul(sentSeoul))
                .update();
    }

    private void payment(long lease, String on, long amount) {
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, ?, ?, ?)")
                .params(lease, "REPORT-" + java.util.UUID.randomUUID(), LocalDate.parse(on), amount).update();
    }
}

package kr.fm.arrears.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice lifecycle over the API, from the escalation's StageReached to a verified download.
 * Each test drafts its own notices (its own case ids), so the tests do not depend on each other.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeWorkflowTest {

    static final String PASSWORD = "notice-test-password";
    static final Map<String, String> KIM = Api.signedInAs("kim", PASSWORD);
    static final Map<String, String> LEE = Api.signedInAs("lee", PASSWORD);
    static final Map<String, String> PARK = Api.signedInAs("park", PASSWORD);
    static final Map<String, String> OWNER = Api.signedInAs("hanul-owner", PASSWORD);
    static final Map<String, String> STRANGER = Api.signedInAs("other-owner", PASSWORD);
    static final AtomicLong CASES = new AtomicLong(1000);

    @Autowired Api api;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Portfolios portfolios;

    long civilLease;
    long actLease;

    @BeforeAll
    void leases() {
        Portfolios.Given leases = portfolios.given().leases(Portfolios.UNPAID_SINCE_OCTOBER).landlord("다른임대인")
                .manager("kim", PASSWORD, "김관리").manager("lee", PASSWORD, "이관리").manager("park", PASSWORD, "박관리")
                .landlordAccount("hanul-owner", PASSWORD, Portfolios.HANUL.name(), "임대인")
                .landlordAccount("other-owner", PASSWORD, "다른임대인", "다른임대인")
                .make();
        civilLease = leases.leaseId(Portfolios.CIVIL);
        actLease = leases.leaseId(Portfolios.COMMERCIAL);
    }

    @Test
    void a_notice_stage_reached_twice_drafts_one_notice_and_a_reminder_stage_drafts_none() {
        long caseId = CASES.incrementAndGet();
        reach(caseId, civilLease, Stage.DEMAND_NOTICE);
        reach(caseId, civilLease, Stage.DEMAND_NOTICE);
        reach(caseId, civilLease, Stage.FINAL_REMINDER);
        List<JsonNode> drafted = notices(civilLease).stream().filter(n -> n.get("caseId").asLong() == caseId).toList();
        assertThat(drafted).hasSize(1);
        assertThat(drafted.get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.get(0).get("kind").asText()).isEqualTo("DEMAND");
        assertThat(drafted.get(0).get("lastEditor").asText()).isEqualTo("SYSTEM");
        assertThat(auditActions(drafted.get(0).get("id").asLong())).containsExactly("NOTICE_DRAFTED");
    }

    @Test
    void a_draft_cannot_be_approved_downloaded_or_consented_by_a_manager() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        assertThat(call(POST, "/api/notices/" + id + "/approve", LEE).status()).isEqualTo(409);
        assertThat(api.getBytes("/api/notices/" + id + "/pdf", LEE).status()).isEqualTo(409);
        assertThat(call(POST, "/api/notices/" + id + "/consent", KIM).status()).isEqualTo(403);
        assertThat(call(POST, "/api/notices/" + id + "/submit", OWNER).status()).isEqualTo(403);
        // a draft's preview is a PDF with the DRAFT watermark and no document number
        Api.Bytes preview = api.getBytes("/api/notices/" + id + "/preview", KIM);
        assertThat(preview.status()).isEqualTo(200);
        PdfPages draft = PdfPages.read(preview.body());
        assertThat(draft.contentOrder()).contains("초안 DRAFT");
        assertThat(draft.text()).contains("문서번호: (승인 시 부여)");
    }

    @Test
    void an_edit_makes_a_new_version_and_its_editor_cannot_approve_it() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        Api.Response edited = call(POST, "/api/notices/" + id + "/versions", KIM,
                Map.of("subject", "연체 차임 지급 최고서", "deadlineDays", 10));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("version").asInt()).isEqualTo(2);
        JsonNode versions = call(GET, "/api/notices/" + id, KIM).body().get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("content").get("subject").asText()).isEqualTo("연체 차임 등 지급 최고서");
        assertThat(versions.get(1).get("content").get("deadlineDays").asInt()).isEqualTo(10);
        assertThat(versions.get(1).get("diff").asText()).contains("subject", "deadlineDays: 7 → 10");

        assertThat(call(POST, "/api/notices/" + id + "/submit", KIM).status()).isEqualTo(200);
        Api.Response own = call(POST, "/api/notices/" + id + "/approve", KIM);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().get("detail").asText()).contains("다른 담당자가 승인해야 합니다");
        Api.Response approved = call(POST, "/api/notices/" + id + "/approve", LEE);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        // the edited wording and the 10-day deadline are in the approved PDF, counted from receipt
        PdfPages pdf = PdfPages.read(download(id));
        assertThat(pdf.text()).contains("연체 차임 지급 최고서", "이 통지서를 받은 날로부터 10일 이내");
        assertThat(pdf.contentOrder()).doesNotContain("초안 DRAFT");
        assertThat(auditActions(id)).contains("NOTICE_EDITED", "NOTICE_SUBMITTED", "NOTICE_APPROVED", "DOCUMENT_DOWNLOADED");
    }

    @Test
    void a_termination_waits_for_the_landlords_consent() {
        long id = draft(actLease, Stage.TERMINATION_NOTICE);
        assertThat(call(POST, "/api/notices/" + id + "/submit", KIM).status()).isEqualTo(200);
        Api.Response early = call(POST, "/api/notices/" + id + "/approve", LEE);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asText()).contains("임대인의 동의");
        // another owner cannot consent for this one: the notice does not exist for them
        assertThat(call(POST, "/api/notices/" + id + "/consent", STRANGER).status()).isEqualTo(404);
        assertThat(call(POST, "/api/notices/" + id + "/consent", OWNER).status()).isEqualTo(200);
        assertThat(call(POST, "/api/notices/" + id + "/approve", LEE).status()).isEqualTo(200);
        assertThat(PdfPages.read(download(id)).text()).contains("임대차계약 해지 통지서", "상가건물 임대차보호법 제10조의8");
        assertThat(auditActions(id)).contains("NOTICE_CONSENTED", "NOTICE_APPROVED");
    }

    @Test
    void a_notice_waiting_for_approval_is_edited_in_place_and_approved_by_a_manager_who_neither_submitted_nor_edited_it() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        assertThat(call(POST, "/api/notices/" + id + "/submit", KIM).status()).isEqualTo(200);
        Api.Response edited = call(POST, "/api/notices/" + id + "/versions", LEE,
                Map.of("consequences", "기한 내 미지급 시 보증금에서 공제하고 계약 해지를 검토합니다."));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("version").asInt()).isEqualTo(2);
        assertThat(edited.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(edited.body().get("lastEditor").asText()).isEqualTo("lee");
        assertThat(call(GET, "/api/notices/" + id, KIM).body().get("versions").get(1).get("diff").asText())
                .contains("consequences");

        Api.Response own = call(POST, "/api/notices/" + id + "/approve", LEE);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().get("detail").asText()).contains("다른 담당자가 승인해야 합니다");
        // the run drafted it (SYSTEM), kim submitted it: kim is the first pair of eyes, not the second
        Api.Response submitter = call(POST, "/api/notices/" + id + "/approve", KIM);
        assertThat(submitter.status()).isEqualTo(409);
        assertThat(submitter.body().get("detail").asText()).contains("kim님이 제출했습니다", "다른 담당자가 승인해야 합니다");
        Api.Response approved = call(POST, "/api/notices/" + id + "/approve", PARK);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("version").asInt()).isEqualTo(2);
        assertThat(PdfPages.read(download(id)).text()).contains("기한 내 미지급 시 보증금에서 공제하고 계약 해지를 검토합니다.");
        assertThat(auditActions(id)).containsSubsequence("NOTICE_SUBMITTED", "NOTICE_EDITED", "NOTICE_APPROVED");
    }

    @Test
    void editing_a_termination_withdraws_the_landlords_consent_to_the_old_wording() {
        long id = draft(actLease, Stage.TERMINATION_NOTICE);
        assertThat(call(POST, "/api/notices/" + id + "/consent", OWNER).status()).isEqualTo(200);
        assertThat(call(POST, "/api/notices/" + id + "/submit", KIM).status()).isEqualTo(200);
        Api.Response edited = call(POST, "/api/notices/" + id + "/versions", KIM, Map.of("deadlineDays", 14));
        assertThat(edited.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(edited.body().get("landlordConsentBy").isNull()).isTrue();
        Api.Response early = call(POST, "/api/notices/" + id + "/approve", LEE);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asText()).contains("임대인의 동의");

        assertThat(call(POST, "/api/notices/" + id + "/consent", OWNER).status()).isEqualTo(200);
        assertThat(call(POST, "/api/notices/" + id + "/approve", LEE).status()).isEqualTo(200);
        // 14 days from receipt: the wording the landlord consented to the second time
        assertThat(PdfPages.read(download(id)).text()).contains("이 통지서를 받은 날로부터 14일 이내");
        assertThat(auditActions(id)).containsSubsequence("NOTICE_CONSENTED", "NOTICE_EDITED", "NOTICE_CONSENTED", "NOTICE_APPROVED");
    }

    @Test
    void the_html_preview_is_the_page_the_pdf_preview_prints_and_only_its_landlord_sees_it() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        Api.Bytes html = api.getBytes("/api/notices/" + id + "/preview.html", OWNER);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        String page = new String(html.body(), java.nio.charset.StandardCharsets.UTF_8);
        String text = page.replaceAll("(?s)<style.*?</style>", " ").replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replaceAll("\\s+", " ");
        PdfPages pdf = PdfPages.read(api.getBytes("/api/notices/" + id + "/preview", OWNER).body());

        assertThat(text).contains("(주)대성정밀", "초안 DRAFT", "문서번호: (승인 시 부여)");
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("총 청구금액 ([\\d,]+원)").matcher(pdf.text());
        assertThat(total.find()).isTrue();
        assertThat(text).contains("총 청구금액 " + total.group(1));
        // every amount of the PDF, and no other, is on the page
        assertThat(amounts(text)).containsExactlyInAnyOrderElementsOf(amounts(pdf.text()));
        assertThat(page).contains("href=\"/css/notice-sheet.css\"");
        assertThat(api.getBytes("/css/notice-sheet.css", Map.of()).status()).isEqualTo(200);

        assertThat(api.getBytes("/api/notices/" + id + "/preview.html", STRANGER).status()).isEqualTo(404);
    }

    private static List<String> amounts(String text) {
        return java.util.regex.Pattern.compile("\\d[\\d,]*원").matcher(text).results()
                .map(java.util.regex.MatchResult::group).toList();
    }

    @Test
    void a_rejected_notice_keeps_its_reason_and_can_only_be_edited() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        call(POST, "/api/notices/" + id + "/submit", KIM);
        assertThat(call(POST, "/api/notices/" + id + "/reject", LEE, Map.of("reason", " ")).status()).isEqualTo(422);
        Api.Response rejected = call(POST, "/api/notices/" + id + "/reject", LEE, Map.of("reason", "임차인과 분할 납부 협의 중"));
        assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("reason").asText()).isEqualTo("임차인과 분할 납부 협의 중");
        assertThat(call(POST, "/api/notices/" + id + "/approve", LEE).status()).isEqualTo(409);
        Api.Response edited = call(POST, "/api/notices/" + id + "/versions", KIM, Map.of("deadlineDays", 14));
        assertThat(edited.body().get("status").asText()).isEqualTo("DRAFT");
        assertThat(auditActions(id)).contains("NOTICE_REJECTED");
    }

    @Test
    void an_approved_pdf_never_changes_and_verifies_as_that_notice_and_version() {
        long id = draft(civilLease, Stage.DEMAND_NOTICE);
        call(POST, "/api/notices/" + id + "/submit", KIM);
        call(POST, "/api/notices/" + id + "/approve", LEE);
        byte[] first = download(id);
        byte[] second = download(id);
        assertThat(Sha256.hex(second)).isEqualTo(Sha256.hex(first));
        assertThat(second).isEqualTo(first);
        JsonNode version = call(GET, "/api/notices/" + id, KIM).body().get("versions").get(0);
        assertThat(version.get("pdfSha256").asText()).isEqualTo(Sha256.hex(first));
        // the code printed after the signature block is the one kept with the version
        assertThat(PdfPages.read(first).text()).contains("검증코드 " + version.get("verificationCode").asText());

        JsonNode match = api.postFile("/api/notices/verify", "file", "notice.pdf", first).body();
        assertThat(match.get("matches").asBoolean()).isTrue();
        assertThat(match.get("noticeId").asLong()).isEqualTo(id);
        assertThat(match.get("version").asInt()).isEqualTo(1);
        assertThat(match.get("documentNo").asText()).isEqualTo(version.get("documentNo").asText());

        byte[] altered = first.clone();
        altered[altered.length / 2] ^= 1;
        assertThat(api.postFile("/api/notices/verify", "file", "notice.pdf", altered).body().get("matches").asBoolean()).isFalse();
    }

    @Test
    void document_numbers_run_without_gaps_even_when_an_approval_is_refused() {
        long a = draft(civilLease, Stage.DEMAND_NOTICE);
        long b = draft(civilLease, Stage.DEMAND_NOTICE);
        call(POST, "/api/notices/" + a + "/submit", KIM);
        call(POST, "/api/notices/" + b + "/versions", KIM, Map.of("deadlineDays", 9));
        call(POST, "/api/notices/" + b + "/submit", KIM);
        assertThat(call(POST, "/api/notices/" + a + "/approve", LEE).status()).isEqualTo(200);
        assertThat(call(POST, "/api/notices/" + b + "/approve", KIM).status()).isEqualTo(409); // kim edited b
        assertThat(call(POST, "/api/notices/" + b + "/approve", LEE).status()).isEqualTo(200);
        String noA = documentNo(a);
        String noB = documentNo(b);
        assertThat(noA).matches("2026-\\d{6}");
        assertThat(Integer.parseInt(noB.substring(5))).isEqualTo(Integer.parseInt(noA.substring(5)) + 1);
    }

    // --- helpers

    private long draft(long leaseId, Stage stage) {
        long caseId = CASES.incrementAndGet();
        reach(caseId, leaseId, stage);
        return notices(leaseId).stream().filter(n -> n.get("caseId").asLong() == caseId).findFirst().orElseThrow()
                .get("id").asLong();
    }

    /** What the escalation engine does: publish inside its transaction. */
    private void reach(long caseId, long leaseId, Stage stage) {
        tx.executeWithoutResult(s -> events.publishEvent(
                new StepsApplied(List.of(new StageReached(caseId, leaseId, stage, LocalDate.of(2026, 4, 15))), List.of())));
    }

    private List<JsonNode> notices(long leaseId) {
        Api.Response r = api.get("/api/notices?leaseId=" + leaseId);
        assertThat(r.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(r.body().spliterator(), false).toList();
    }

    private byte[] download(long id) {
        Api.Bytes pdf = api.getBytes("/api/notices/" + id + "/pdf", KIM);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        return pdf.body();
    }

    private String documentNo(long id) {
        JsonNode versions = call(GET, "/api/notices/" + id, KIM).body().get("versions");
        return versions.get(versions.size() - 1).get("documentNo").asText();
    }

    private List<String> auditActions(long noticeId) {
        return java.util.stream.StreamSupport.stream(api.get("/api/audit/events?limit=1000").body().spliterator(), false)
                .filter(e -> "NOTICE".equals(e.get("subject_type").asText()) && String.valueOf(noticeId).equals(e.get("subject_id").asText()))
                .map(e -> e.get("action").asText())
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    java.util.Collections.reverse(l); // newest first → oldest first
                    return l;
                }));
    }

    private Api.Response call(org.springframework.http.HttpMethod method, String path, Map<String, String> headers) {
        return api.send(method, path, headers, null);
    }

    private Api.Response call(org.springframework.http.HttpMethod method, String path, Map<String, String> headers, Object body) {
        return api.send(method, path, headers, body);
    }
}

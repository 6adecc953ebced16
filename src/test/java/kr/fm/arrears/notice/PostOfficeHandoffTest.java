package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.notice.internal.EpostTracking;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certified mail as the post office takes it: an approved notice's bundle, the 접수번호 and 등기번호
 * a MANAGER records, and the post office's tracking API (WireMock, answering the documented XML of
 * src/test/resources/providers/epost) moving the notice to DELIVERED or RETURNED, never on a failure.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostOfficeHandoffTest {

    static final WireMockServer EPOST = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String KEY = "test-service-key";
    static final String MANAGER = "park";
    static final String PASSWORD = "post-office-password";
    static final Map<String, String> AS_MANAGER = Api.signedInAs(MANAGER, PASSWORD);
    /** the leases' landlord, who reads the history */
    static final String OWNER = "hanul-post";
    static final Viewer KIM = Viewer.staff("kim", Viewer.Role.MANAGER);
    static final Viewer LEE = Viewer.staff("lee", Viewer.Role.MANAGER);
    static final AtomicLong CASES = new AtomicLong(3000);

    /** Two leases of the fixtures' landlord: one tenant's address carries its 우편번호, the other's does not. */
    static final List<Portfolios.Lease> LEASES = List.of(
            Portfolios.lease("PO-ZIP").unit("301").from(LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30))
                    .tenant(new Portfolios.Tenant("(주)우정정밀", "218-81-00008", "정우정", "010-4567-8901", "wj@woojung.example",
                            "(18622) 경기도 화성시 향남읍 발안공단로 12 301호")),
            Portfolios.lease("PO-NOZIP").unit("302").from(LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30))
                    .tenant(new Portfolios.Tenant("새봄화학(주)", "310-86-00008", "한새봄", "010-5678-9012", "sb@saebom.example", null)));

    static {
        EPOST.start();
    }

    @DynamicPropertySource
    static void tracking(DynamicPropertyRegistry registry) {
        registry.add("arrears.notice.tracking.service-key", () -> KEY);
        registry.add("arrears.notice.tracking.base-url", EPOST::baseUrl);
        registry.add("arrears.notice.tracking.timeout", () -> "3s"); // a loaded CI machine answers a stub slower than 1 s
    }

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired NoticeWorkflow workflow;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Portfolios portfolios;
    @Autowired Scheduler scheduler;
    @Value("${local.server.port}") int port;

    long withPostcode;
    long withoutPostcode;

    @BeforeAll
    void leases() {
        Portfolios.Given leases = portfolios.given().leases(LEASES).manager(MANAGER, PASSWORD, "박담당")
                .landlordAccount(OWNER, PASSWORD, Portfolios.HANUL.name(), "한울산업개발").make();
        withPostcode = leases.leaseId("PO-ZIP");
        withoutPostcode = leases.leaseId("PO-NOZIP");
    }

    @AfterAll
    void stop() {
        EPOST.stop();
    }

    @BeforeEach
    void april15() {
        clock.set(LocalDate.of(2026, 4, 15).atTime(17, 0));
    }

    @Test
    void an_approved_notice_is_bundled_posted_tracked_in_transit_then_delivered_with_its_date_and_receiver() throws IOException {
        long id = approved(withPostcode);
        JsonNode office = read("/api/notices/" + id + "/post-office");
        assertThat(office.get("warnings")).isEmpty();
        assertThat(office.get("recipient").get("postcode").asText()).isEqualTo("18622");

        // the bundle: the PDF byte for byte as sealed, the recipient block with its 우편번호, the checklist
        Api.Bytes zip = api.getBytes("/api/notices/" + id + "/post-office-bundle", AS_MANAGER);
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.body());
        String sealed = read("/api/notices/" + id).get("versions").get(0).get("pdfSha256").asText();
        byte[] pdf = files.entrySet().stream().filter(e -> e.getKey().endsWith(".pdf")).findFirst().orElseThrow().getValue();
        assertThat(pdf).isEqualTo(workflow.approvedCopy(id));
        assertThat(Sha256.hex(pdf)).isEqualTo(sealed);
        String recipients = new String(files.get("수신인목록.csv"), StandardCharsets.UTF_8);
        assertThat(recipients).contains("우편번호", "(주)우정정밀 대표자 정우정", "18622", "경기도 화성시 향남읍 발안공단로 12 301호", sealed);
        assertThat(new String(files.get("접수안내.txt"), StandardCharsets.UTF_8)).contains("부수: 3부", "우편번호 18622", sealed);

        // a 12-digit 등기번호 and no fee: a problem naming both fields, and nothing recorded
        Api.Response bad = post("/api/notices/" + id + "/postings", handoff("2026-0415-000123", "123456789012", null));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactly("fee", "registeredNo");
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.APPROVED);
        assertThat(read("/api/notices/" + id + "/postings")).isEmpty();

        Api.Response posted = post("/api/notices/" + id + "/postings", handoff("2026-0415-000123", "1234-5678-9012-3", 5_870L));
        assertThat(posted.status()).as(String.valueOf(posted.body())).isEqualTo(201);
        assertThat(posted.body().get("registeredNo").asText()).isEqualTo("1234567890123");
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DISPATCHED);
        assertThat(audit(id)).contains("NOTICE_DISPATCHED");

        // in transit: the events are kept, once each however often we ask, and the notice stays DISPATCHED
        answer("1234567890123", "in-transit.xml");
        track();
        track();
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DISPATCHED);
        JsonNode posting = read("/api/notices/" + id + "/postings").get(0);
        assertThat(posting.get("events").findValuesAsText("status")).containsExactly("접수", "발송", "도착");
        assertThat(posting.get("deliveryStatus").isNull()).isTrue();

        // delivered on the 16th to 김대성: DELIVERED, and the demand's last day to pay counts from receipt
        clock.set(LocalDate.of(2026, 4, 17));
        answer("1234567890123", "delivered.xml");
        track();
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DELIVERED);
        posting = read("/api/notices/" + id + "/postings").get(0);
        assertThat(posting.get("deliveredOn").asText()).isEqualTo("2026-04-16");
        assertThat(posting.get("receiver").asText()).isEqualTo("김대성 - 본인");
        assertThat(posting.get("events")).hasSize(5);
        assertThat(read("/api/notices/" + id + "/post-office").get("lastDayToPay").asText()).isEqualTo("2026-04-23");
        assertThat(audit(id)).contains("NOTICE_TRACKED", "NOTICE_DELIVERED");
        EPOST.verify(getRequestedFor(urlPathEqualTo(EpostTracking.PATH)).withQueryParam("ServiceKey", equalTo(KEY))
                .withQueryParam("rgist", equalTo("1234567890123")));
    }

    @Test
    void a_returned_notice_is_posted_again_to_a_corrected_address_and_then_delivered() {
        long id = approved(withoutPostcode);
        // the missing 우편번호 is flagged before anything is posted, and a posting without one is refused
        assertThat(read("/api/notices/" + id + "/post-office").get("warnings").get(0).asText()).contains("우편번호");
        Api.Response noPostcode = post("/api/notices/" + id + "/postings", handoff("2026-0415-000200", "2234567890123", 5_870L));
        assertThat(noPostcode.status()).isEqualTo(422);
        assertThat(noPostcode.body().get("errors").findValuesAsText("field")).containsExactly("recipientPostcode");
        Map<String, Object> first = handoff("2026-0415-000200", "2234567890123", 5_870L);
        first.put("recipientPostcode", "18622");
        assertThat(post("/api/notices/" + id + "/postings", first).status()).isEqualTo(201);

        clock.set(LocalDate.of(2026, 4, 21));
        answer("2234567890123", "returned.xml");
        track();
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.RETURNED);
        JsonNode returned = read("/api/notices/" + id + "/postings").get(0);
        assertThat(returned.get("returnReason").asText()).isEqualTo("수취인부재");
        assertThat(returned.get("deliveredOn").asText()).isEqualTo("2026-04-20");

        // posted again: the same approved document, a corrected address, a new posting with its own key
        Map<String, Object> again = handoff("2026-0421-000031", "3234567890123", 5_870L);
        again.put("postedOn", "2026-04-21");
        again.put("recipientPostcode", "18600");
        again.put("recipientAddress", "경기도 화성시 남양읍 시청로 55 2층");
        Api.Response reposted = post("/api/notices/" + id + "/postings", again);
        assertThat(reposted.status()).as(String.valueOf(reposted.body())).isEqualTo(201);
        assertThat(reposted.body().get("attempt").asInt()).isEqualTo(2);
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DISPATCHED);

        clock.set(LocalDate.of(2026, 4, 23));
        answer("3234567890123", "delivered.xml");
        track();
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DELIVERED);
        JsonNode postings = read("/api/notices/" + id + "/postings");
        assertThat(postings).hasSize(2);
        assertThat(postings.findValuesAsText("deliveryStatus")).containsExactly("RETURNED", "DELIVERED");
        assertThat(postings.get(1).get("recipientAddress").asText()).isEqualTo("경기도 화성시 남양읍 시청로 55 2층");
        assertThat(jdbc.sql("SELECT count(DISTINCT dispatch_key) FROM notice_dispatch WHERE notice_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(audit(id).stream().filter("NOTICE_DISPATCHED"::equals)).hasSize(2);
        assertThat(audit(id)).contains("NOTICE_RETURNED", "NOTICE_DELIVERED");
    }

    @Test
    void a_returned_notice_is_re_sent_once_with_two_dispatch_records_and_both_in_the_history() throws IOException {
        long id = approved(withPostcode);
        long first = post("/api/notices/" + id + "/postings", handoff("2026-0415-000700", "7234567890123", 5_870L)).body()
                .get("id").asLong();

        // the manager reads the return on the post office's site and records it: a date before the posting is refused
        clock.set(LocalDate.of(2026, 4, 20));
        Api.Response early = post("/api/notices/" + id + "/postings/" + first + "/report",
                Map.of("delivered", false, "on", "2026-04-14", "returnReason", "폐문부재"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("errors").findValuesAsText("field")).containsExactly("on");
        assertThat(post("/api/notices/" + id + "/postings/" + first + "/report",
                Map.of("delivered", false, "on", "2026-04-18", "returnReason", "폐문부재")).status()).isEqualTo(200);
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.RETURNED);
        assertThat(post("/api/notices/" + id + "/postings/" + first + "/report",
                Map.of("delivered", true, "on", "2026-04-19", "receiver", "정우정")).status())
                .as("a posting's outcome is recorded once").isEqualTo(409);

        // sent again, once: the same approved document, a new posting with its own key and audit event
        Map<String, Object> again = handoff("2026-0420-000701", "7234567890124", 5_870L);
        again.put("postedOn", "2026-04-20");
        assertThat(post("/api/notices/" + id + "/postings", again).body().get("attempt").asInt()).isEqualTo(2);
        Map<String, Object> third = handoff("2026-0420-000702", "7234567890125", 5_870L);
        third.put("postedOn", "2026-04-20");
        assertThat(post("/api/notices/" + id + "/postings", third).status()).as("not while the second is under way").isEqualTo(409);
        long second = read("/api/notices/" + id + "/postings").get(1).get("id").asLong();
        clock.set(LocalDate.of(2026, 4, 22));
        assertThat(post("/api/notices/" + id + "/postings/" + second + "/report",
                Map.of("delivered", true, "on", "2026-04-21", "receiver", "정우정 - 본인")).status()).isEqualTo(200);

        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DELIVERED);
        assertThat(jdbc.sql("SELECT dispatch_key FROM notice_dispatch WHERE notice_id = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("notice-" + id + "-v1-post1", "notice-" + id + "-v1-post2");
        assertThat(audit(id)).containsSubsequence("NOTICE_DISPATCHED", "NOTICE_RETURNED", "NOTICE_DISPATCHED", "NOTICE_DELIVERED");
        assertThat(read("/api/notices/" + id + "/post-office").get("lastDayToPay").asText()).isEqualTo("2026-04-28");

        // the owner's history: one notice with both postings, in the list, on the page and in the ZIP's 발송기록.csv
        Api owner = api.as(OWNER, PASSWORD);
        JsonNode entry = java.util.stream.StreamSupport.stream(owner.get("/api/history?kind=NOTICE&limit=1000").body().get("items")
                .spliterator(), false).filter(e -> e.get("noticeId").asLong() == id).findFirst().orElseThrow();
        assertThat(entry.get("dispatches").findValuesAsText("registeredNo")).containsExactly("7234567890123", "7234567890124");
        assertThat(entry.get("dispatches").findValuesAsText("outcome")).containsExactly("RETURNED", "DELIVERED");
        String documentNo = entry.get("documentNo").asText();
        kr.fm.arrears.support.Browser page = new kr.fm.arrears.support.Browser(port);
        page.signIn(OWNER, PASSWORD);
        assertThat(page.page("/history?kind=NOTICE").body()).contains("1번째 발송 2026-04-15 · 등기번호 7234567890123 · 반송 2026-04-18 (폐문부재)",
                "2번째 발송 2026-04-20 · 등기번호 7234567890124 · 배달 완료 2026-04-21 (정우정 - 본인)");
        String dispatches = new String(unzip(api.getBytes("/api/history/notices.zip", Api.signedInAs(OWNER, PASSWORD)).body())
                .get("발송기록.csv"), StandardCharsets.UTF_8);
        assertThat(dispatches.lines().filter(l -> l.startsWith(documentNo))).containsExactly(
                documentNo + ",(주)우정정밀,PO-ZIP,1,7234567890123,2026-04-15,경기도 화성시 향남읍 발안공단로 12 301호,반송,2026-04-18,폐문부재",
                documentNo + ",(주)우정정밀,PO-ZIP,2,7234567890124,2026-04-20,경기도 화성시 향남읍 발안공단로 12 301호,배달 완료,2026-04-21,"
                        + "정우정 - 본인");
    }

    @Test
    void a_returned_notice_replaced_by_a_new_draft_keeps_its_approved_version_and_posting() {
        long id = approved(withPostcode);
        long first = post("/api/notices/" + id + "/postings", handoff("2026-0415-000800", "8234567890123", 5_870L)).body()
                .get("id").asLong();
        clock.set(LocalDate.of(2026, 4, 20));
        assertThat(post("/api/notices/" + id + "/postings/" + first + "/report",
                Map.of("delivered", false, "on", "2026-04-18", "returnReason", "주소불명")).status()).isEqualTo(200);

        CertifiedNotice redrafted = workflow.edit(id, new NoticeContent("연체 차임 지급 최고서 (재발송)", null, null, 0), KIM);
        assertThat(redrafted.status()).isEqualTo(NoticeStatus.DRAFT);
        assertThat(redrafted.version()).isEqualTo(2);
        assertThat(workflow.versions(id)).extracting(NoticeStore.Version::documentNo).first().isNotNull();
        assertThat(read("/api/notices/" + id + "/postings").findValuesAsText("returnReason")).containsExactly("주소불명");
        workflow.submit(id, KIM);
        workflow.approve(id, LEE);
        Map<String, Object> again = handoff("2026-0420-000801", "8234567890124", 5_870L);
        again.put("postedOn", "2026-04-20");
        JsonNode second = post("/api/notices/" + id + "/postings", again).body();
        assertThat(second.get("attempt").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT version FROM notice_dispatch WHERE notice_id = ? ORDER BY id").param(id).query(Integer.class)
                .list()).containsExactly(1, 2);
    }

    @Test
    void the_apis_errors_and_timeouts_change_no_status_and_the_next_round_asks_again() {
        long id = approved(withPostcode);
        assertThat(post("/api/notices/" + id + "/postings", handoff("2026-0415-000300", "4234567890123", 5_870L)).status())
                .isEqualTo(201);
        String rgist = "4234567890123";
        List<ResponseDefinitionBuilder> faults = List.of(xml("error-header.xml"), xml("portal-key-error.xml"),
                aResponse().withStatus(503), xml("delivered.xml").withFixedDelay(10_000), // long after our 3 s timeout
                aResponse().withStatus(200).withBody("<html>시스템 점검</html"),
                // the JDK client asks a GET once more after a reset: one round meets two resets
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        int rounds = faults.size() - 1;
        String state = STARTED;
        for (int i = 0; i < faults.size(); i++) {
            EPOST.stubFor(get(urlPathEqualTo(EpostTracking.PATH)).withQueryParam("rgist", equalTo(rgist))
                    .inScenario(rgist).whenScenarioStateIs(state).willSetStateTo("after " + i).willReturn(faults.get(i)));
            state = "after " + i;
        }
        EPOST.stubFor(get(urlPathEqualTo(EpostTracking.PATH)).withQueryParam("rgist", equalTo(rgist))
                .inScenario(rgist).whenScenarioStateIs(state).willReturn(xml("delivered.xml")));
        for (int i = 0; i < rounds; i++) {
            track();
            JsonNode posting = read("/api/notices/" + id + "/postings").get(0);
            assertThat(workflow.get(Viewer.SYSTEM, id).status()).as("after fault " + i).isEqualTo(NoticeStatus.DISPATCHED);
            assertThat(posting.get("trackingError").asText()).as("fault " + i).isNotBlank();
            assertThat(posting.get("events")).isEmpty();
        }
        track();
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DELIVERED);
        assertThat(read("/api/notices/" + id + "/postings").get(0).get("trackingError").isNull()).isTrue();
    }

    @Test
    void a_wrong_registered_number_is_corrected_with_a_reason_on_the_day_and_not_the_day_after() {
        long id = approved(withPostcode);
        JsonNode posting = post("/api/notices/" + id + "/postings", handoff("2026-0415-000400", "5234567890123", 5_870L)).body();
        String url = "/api/notices/" + id + "/postings/" + posting.get("id").asLong() + "/correction";
        Api.Response noReason = post(url, Map.of("registeredNo", "5234567890999"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().get("errors").findValuesAsText("field")).containsExactly("reason");
        Api.Response corrected = post(url, Map.of("registeredNo", "5234567890999", "reason", "영수증의 끝 세 자리를 잘못 옮겨 적음"));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("registeredNo").asText()).isEqualTo("5234567890999");
        assertThat(audit(id)).contains("NOTICE_REGISTERED_NO_CORRECTED");

        clock.set(LocalDate.of(2026, 4, 16));
        Api.Response late = post(url, Map.of("registeredNo", "5234567890123", "reason", "다시"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(read("/api/notices/" + id + "/postings").get(0).get("registeredNo").asText()).isEqualTo("5234567890999");
    }

    @Test
    void a_delivery_proof_is_stored_checked_on_download_and_in_the_history_zip() throws IOException {
        long id = approved(withPostcode);
        assertThat(post("/api/notices/" + id + "/postings", handoff("2026-0415-000500", "6234567890123", 5_870L)).status())
                .isEqualTo(201);
        Api.Response notPdf = api.as(MANAGER, PASSWORD).postFile("/api/notices/" + id + "/proofs?kind=DELIVERY_PROOF", "file",
                "배달증명.pdf", "이것은 PDF가 아닙니다".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.status()).isEqualTo(422);
        assertThat(notPdf.body().get("errors").findValuesAsText("field")).containsExactly("file");

        byte[] proof = fixturePdf();
        Api.Response uploaded = api.as(MANAGER, PASSWORD).postFile("/api/notices/" + id + "/proofs?kind=DELIVERY_PROOF", "file",
                "배달증명서.pdf", proof);
        assertThat(uploaded.status()).as(String.valueOf(uploaded.body())).isEqualTo(201);
        assertThat(uploaded.body().get("sha256").asText()).isEqualTo(Sha256.hex(proof));
        long proofId = uploaded.body().get("id").asLong();
        assertThat(read("/api/notices/" + id + "/post-office").get("proofs").findValuesAsText("kind")).containsExactly("DELIVERY_PROOF");

        Api.Bytes download = api.getBytes("/api/notices/" + id + "/proofs/" + proofId, AS_MANAGER);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(proof);
        assertThat(audit(id)).contains("NOTICE_PROOF_ATTACHED", "DOCUMENT_DOWNLOADED");

        Api.Bytes history = api.getBytes("/api/history/notices.zip", Map.of());
        assertThat(history.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(history.body());
        assertThat(files.entrySet().stream().filter(e -> e.getKey().startsWith("배달증명_")).map(e -> Sha256.hex(e.getValue())))
                .contains(Sha256.hex(proof));
        assertThat(new String(files.get("index.csv"), StandardCharsets.UTF_8)).contains("배달증명", Sha256.hex(proof));

        // a stored file that no longer matches its SHA-256 is not handed out
        jdbc.sql("UPDATE notice_proof SET pdf = ? WHERE id = ?").params(fixturePdf("%PDF-1.4 altered"), proofId).update();
        assertThat(api.getBytes("/api/notices/" + id + "/proofs/" + proofId, AS_MANAGER).status()).isEqualTo(500);
        jdbc.sql("UPDATE notice_proof SET pdf = ? WHERE id = ?").params(proof, proofId).update();
    }

    @Test
    void a_demand_paid_in_the_meantime_is_held_back_when_its_bundle_is_asked_for() {
        long id = approved(withoutPostcode);
        long owed = api.get("/api/arrears/leases/" + withoutPostcode + "?asOf=2026-04-15").body().get("arrears")
                .get("overdueBalance").asLong();
        String csv = "bank_reference,paid_on,amount,lease_code,payer_name\nPO-PAY-1,2026-04-15," + owed + ",PO-NOZIP,새봄화학\n";
        assertThat(api.postCsv("/api/imports/payments", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        Api.Bytes held = api.getBytes("/api/notices/" + id + "/post-office-bundle", AS_MANAGER);
        assertThat(held.status()).isEqualTo(409);
        assertThat(new String(held.body(), StandardCharsets.UTF_8)).contains("더 청구할 것이 없습니다");
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.REJECTED);
        assertThat(audit(id)).contains("NOTICE_HELD");
        // staff see it among the held dispatches, with the reason, apart from the notices they rejected
        assertThat(workflow.held(Viewer.SYSTEM, 200)).extracting(CertifiedNotice::id).contains(id);
        kr.fm.arrears.support.Browser manager = new kr.fm.arrears.support.Browser(port);
        manager.signIn(MANAGER, PASSWORD);
        String queue = manager.page("/approvals").body();
        assertThat(queue.substring(queue.indexOf("id=\"held\""))).contains("/approvals/" + id + "\"", "더 청구할 것이 없습니다");
    }

    @Test
    void several_approved_notices_go_in_one_bundle_with_one_recipients_list() throws IOException {
        long a = approved(withPostcode);
        long b = approved(withPostcode);
        Api.Bytes zip = api.getBytes("/api/notices/post-office-bundle?ids=" + a + "," + b, AS_MANAGER);
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.body());
        assertThat(files.keySet().stream().filter(n -> n.endsWith(".pdf"))).hasSize(2);
        String[] rows = new String(files.get("수신인목록.csv"), StandardCharsets.UTF_8).strip().split("\r?\n");
        assertThat(rows).hasSize(3); // the header and one row per letter
        assertThat(api.getBytes("/api/notices/post-office-bundle?ids=" + a + ",x", AS_MANAGER).status()).isEqualTo(422);
    }

    @Test
    void without_a_contracted_mail_service_dispatch_asks_for_the_hand_off_and_tracking_is_a_daily_clustered_job()
            throws Exception {
        long id = approved(withPostcode);
        Api.Response r = api.send(HttpMethod.POST, "/api/notices/" + id + "/dispatch", AS_MANAGER, null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("detail").asText()).contains("등기번호");
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("notice-tracking"))).getCronExpression())
                .isEqualTo("0 0 7 * * ?");
    }

    // --- helpers

    private long approved(long leaseId) {
        long caseId = CASES.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(
                new StepsApplied(List.of(new StageReached(caseId, leaseId, Stage.DEMAND_NOTICE, LocalDate.of(2026, 4, 15))), List.of())));
        long id = workflow.list(Viewer.SYSTEM, null, null, leaseId, 500, 0).stream().filter(n -> n.caseId() == caseId).findFirst().orElseThrow().id();
        workflow.submit(id, KIM);
        workflow.approve(id, LEE);
        return id;
    }

    private static Map<String, Object> handoff(String receiptNo, String registeredNo, Long fee) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptNo", receiptNo);
        m.put("registeredNo", registeredNo);
        m.put("postedOn", "2026-04-15");
        m.put("fee", fee);
        return m;
    }

    private Api.Response post(String path, Object body) {
        return api.send(HttpMethod.POST, path, AS_MANAGER, body);
    }

    private JsonNode read(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    private void track() {
        assertThat(post("/api/notices/tracking/runs", null).status()).isEqualTo(200);
    }

    private List<String> audit(long noticeId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'NOTICE' AND subject_id = ? ORDER BY id")
                .param(String.valueOf(noticeId)).query(String.class).list();
    }

    private static void answer(String rgist, String fixture) {
        EPOST.stubFor(get(urlPathEqualTo(EpostTracking.PATH)).withQueryParam("rgist", equalTo(rgist)).willReturn(xml(fixture)));
    }

    private static ResponseDefinitionBuilder xml(String fixture) {
        try (InputStream in = PostOfficeHandoffTest.class.getResourceAsStream("/providers/epost/" + fixture)) {
            return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fixturePdf() {
        return fixturePdf("%PDF-1.4 배달증명서 (우체국 발급 사본)");
    }

    private static byte[] fixturePdf(String text) {
        return (text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}

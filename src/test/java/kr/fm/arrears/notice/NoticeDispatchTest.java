package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The optional contracted mail service (HttpMailServiceGateway, an example HTTP contract, WireMock
 * here): an approved notice goes to it once, through faults, or not at all when paid. Off by
 * default; the post office itself is reached by the manual hand-off (PostOfficeHandoffTest).
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeDispatchTest {

    static final WireMockServer POST_OFFICE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Viewer KIM = Viewer.staff("kim", Viewer.Role.MANAGER);
    static final Viewer LEE = Viewer.staff("lee", Viewer.Role.MANAGER);
    static final AtomicLong CASES = new AtomicLong(2000);

    static {
        POST_OFFICE.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("arrears.notice.mail-service.enabled", () -> "true");
        registry.add("arrears.notice.mail-service.base-url", POST_OFFICE::baseUrl);
        registry.add("arrears.notice.mail-service.timeout", () -> "1s");
    }

    @Autowired kr.fm.arrears.ledger.LedgerViews views;

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired NoticeWorkflow workflow;
    @Autowired NoticeDispatch dispatch;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Portfolios portfolios;

    long civilLease;
    long actLease;

    @BeforeAll
    void leases() {
        Portfolios.Given leases = portfolios.given().leases(Portfolios.UNPAID_SINCE_OCTOBER).make();
        civilLease = leases.leaseId(Portfolios.CIVIL);
        actLease = leases.leaseId(Portfolios.COMMERCIAL);
    }

    @AfterAll
    void stop() {
        POST_OFFICE.stop();
    }

    @BeforeEach
    void april15() {
        clock.set(LocalDate.of(2026, 4, 15));
    }

    @Test
    void a_reset_connection_and_a_503_are_retried_and_the_letter_is_posted_once() {
        long id = approved(civilLease, Stage.DEMAND_NOTICE);
        String key = "notice-" + id + "-v1";
        stub(key, STARTED, "reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub(key, "reset", "unavailable", aResponse().withStatus(503));
        stub(key, "unavailable", "posted", receipt("R-2026-0001"));
        stub(key, "posted", "twice", receipt("R-2026-SECOND"));

        assertThat(dispatch.request(id, KIM).outcome()).isEqualTo(NoticeDispatch.Outcome.QUEUED);
        assertThat(dispatch.request(id, KIM).outcome()).isEqualTo(NoticeDispatch.Outcome.QUEUED); // same row, no second letter

        // (other tests' dispatches may be due too: count this notice's attempts, not sendDue's)
        dispatch.sendDue();                                // reset
        assertThat(attempts(id)).isEqualTo(1);
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.APPROVED);
        dispatch.sendDue();                                // the retry waits for its backoff
        assertThat(attempts(id)).isEqualTo(1);
        for (int hour = 1; hour <= 2; hour++) {            // 503, then the receipt
            clock.set(LocalDate.of(2026, 4, 15).atTime(9 + hour, 0));
            dispatch.sendDue();
            assertThat(attempts(id)).isEqualTo(1 + hour);
        }
        clock.set(LocalDate.of(2026, 4, 15).atTime(18, 0));
        dispatch.sendDue();
        assertThat(attempts(id)).isEqualTo(3);

        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DISPATCHED);
        Map<String, Object> row = dispatch.status(Viewer.SYSTEM, id).get(0);
        assertThat(row).containsEntry("status", "SENT").containsEntry("receipt_no", "R-2026-0001").containsEntry("attempts", 3);
        POST_OFFICE.verify(3, postRequestedFor(urlEqualTo("/letters")).withHeader("Idempotency-Key", equalTo(key)));
        POST_OFFICE.verify(3, postRequestedFor(urlEqualTo("/letters")).withHeader("Idempotency-Key", equalTo(key))
                .withRequestBodyPart(aMultipart().withName("copies").withBody(equalTo("3")).build())
                .withRequestBodyPart(aMultipart().withName("sender").withBody(containing("한울산업개발")).build())
                .withRequestBodyPart(aMultipart().withName("recipient").withBody(containing("(주)대성정밀")).build()));
        assertThatThrownBy(() -> dispatch.request(id, KIM)).isInstanceOf(Conflict.class);

        // the post office reports delivery, twice: the notice is DELIVERED once
        assertThat(api.postJson("/api/notices/postal/deliveries", Map.of("receiptNo", "R-2026-0001", "status", "DELIVERED"))
                .status()).isEqualTo(200);
        assertThat(api.postJson("/api/notices/postal/deliveries", Map.of("receiptNo", "R-2026-0001", "status", "DELIVERED"))
                .status()).isEqualTo(200);
        assertThat(workflow.get(Viewer.SYSTEM, id).status()).isEqualTo(NoticeStatus.DELIVERED);
    }

    @Test
    void an_answer_lost_to_a_timeout_is_retried_with_the_same_key_and_keeps_the_first_receipt() {
        long id = approved(civilLease, Stage.DEMAND_NOTICE);
        String key = "notice-" + id + "-v1";
        // the gateway posts the letter but answers after our 1 s timeout; its idempotency then repeats the receipt
        stub(key, STARTED, "answered late", receipt("R-2026-0777").withFixedDelay(3_000));
        stub(key, "answered late", "again", receipt("R-2026-0777"));

        dispatch.request(id, KIM);
        dispatch.sendDue();
        assertThat(dispatch.status(Viewer.SYSTEM, id).get(0).get("last_error").toString()).contains("unreachable");
        clock.set(LocalDate.of(2026, 4, 15).atTime(12, 0));
        dispatch.sendDue();

        assertThat(workflow.get(Viewer.SYSTEM, id).status()).as(dispatch.status(Viewer.SYSTEM, id).toString()).isEqualTo(NoticeStatus.DISPATCHED);
        assertThat(dispatch.status(Viewer.SYSTEM, id).get(0)).containsEntry("receipt_no", "R-2026-0777").containsEntry("attempts", 2);
        POST_OFFICE.verify(2, postRequestedFor(urlEqualTo("/letters")).withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void a_termination_below_the_threshold_and_a_demand_paid_in_full_are_held_back_for_the_manager() {
        long termination = approved(actLease, Stage.TERMINATION_NOTICE);
        long demand = approved(actLease, Stage.DEMAND_NOTICE);
        // 8,000,000 pays Oct–Jan (4 × 1,815,000 = 7,260,000) and 740,000 of February's rent:
        // unpaid rent 910,000 + 1,650,000 + 1,650,000 = 4,210,000 < 3 × 1,650,000 = 4,950,000
        pay("NT-PAY-1", 8_000_000);
        NoticeDispatch.Requested held = dispatch.request(termination, KIM);
        assertThat(held.outcome()).isEqualTo(NoticeDispatch.Outcome.HELD);
        assertThat(held.reason()).contains("4,210,000원", "3기의 차임액에 못 미칩니다");
        assertThat(workflow.get(Viewer.SYSTEM, termination).status()).isEqualTo(NoticeStatus.REJECTED);
        assertThat(workflow.get(Viewer.SYSTEM, termination).reason()).isEqualTo(held.reason());

        // 12,705,000 − 8,000,000 = 4,705,000 still overdue: the demand stands and is queued ...
        assertThat(dispatch.request(demand, KIM).outcome()).isEqualTo(NoticeDispatch.Outcome.QUEUED);
        // ... but the tenant pays the rest before the sender runs: checked again, it never leaves
        pay("NT-PAY-2", 4_705_000);
        dispatch.sendDue();
        assertThat(workflow.get(Viewer.SYSTEM, demand).status()).isEqualTo(NoticeStatus.REJECTED);
        assertThat(workflow.get(Viewer.SYSTEM, demand).reason()).contains("더 청구할 것이 없습니다");
        assertThat(dispatch.status(Viewer.SYSTEM, demand).get(0)).containsEntry("status", "FAILED");
        POST_OFFICE.verify(0, postRequestedFor(urlEqualTo("/letters")).withHeader("Idempotency-Key", equalTo("notice-" + demand + "-v1")));
        List<String> actions = api.get("/api/audit/events?limit=1000").body().findValuesAsText("action");
        assertThat(actions.stream().filter("NOTICE_HELD"::equals)).hasSize(2);
    }

    // --- helpers

    private long approved(long leaseId, Stage stage) {
        long caseId = CASES.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(
                new StepsApplied(List.of(new StageReached(caseId, leaseId, stage, LocalDate.of(2026, 4, 15))), List.of())));
        long id = workflow.list(Viewer.SYSTEM, null, null, leaseId, 500, 0).stream().filter(n -> n.caseId() == caseId).findFirst().orElseThrow().id();
        workflow.submit(id, KIM);
        if (stage == Stage.TERMINATION_NOTICE) {
            workflow.consent(id, Viewer.landlord("hanul-owner", views.lease(Viewer.SYSTEM, leaseId).orElseThrow().landlordId()));
        }
        workflow.approve(id, LEE);
        return id;
    }

    private int attempts(long noticeId) {
        return ((Number) dispatch.status(Viewer.SYSTEM, noticeId).get(0).get("attempts")).intValue();
    }

    private void pay(String reference, long amount) {
        String csv = "bank_reference,paid_on,amount,lease_code,payer_name\n"
                + reference + ",2026-04-15," + amount + "," + Portfolios.COMMERCIAL + ",미래테크\n";
        assertThat(api.postCsv("/api/imports/payments", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder receipt(String no) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"receiptNo\":\"" + no + "\"}");
    }

    private static void stub(String key, String state, String next, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        POST_OFFICE.stubFor(post(urlEqualTo("/letters")).withHeader("Idempotency-Key", equalTo(key))
                .inScenario(key).whenScenarioStateIs(state).willSetStateTo(next).willReturn(answer));
    }
}

package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher against a simulated provider: what the tenant gets when the provider answers,
 * fails, stalls, hangs up, throttles or refuses; and that nothing goes out at night or on a holiday.
 */
@ServiceTest
class GatewayDispatchTest extends MessagingTestBase {

    static final String MESSAGES = "/v1/messages";

    List<LoggedRequest> providerSaw() {
        return PROVIDER.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
    }

    void providerAnswers(int status, String body) {
        PROVIDER.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    void clockAt(String seoulDateTime) {
        clock.set(LocalDateTime.parse(seoulDateTime));
    }

    @Test
    void an_alimtalk_accepted_by_the_provider_is_sent_with_its_template_code_api_key_and_request_id() {
        providerAnswers(200, "{\"messageId\":\"kakao-1\"}");
        long caseId = reach("HW-101", Stage.REMINDER_1, Channel.ALIMTALK);

        assertThat(dispatcher.drain()).isEqualTo(1);

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.SENT);
        assertThat(m.providerId()).isEqualTo("kakao-1");
        LoggedRequest request = providerSaw().get(0);
        assertThat(request.getHeader("X-Request-Id")).isEqualTo("case:" + caseId + ":REMINDER_1:ALIMTALK");
        assertThat(request.getHeader("X-Api-Key")).isEqualTo("test-key");
        // 010-2345-6789 of (주)대성정밀 in E.164
        assertThat(request.getBodyAsString()).contains("\"type\":\"ALIMTALK\"", "\"to\":\"+821023456789\"",
                "\"templateCode\":\"ARR_REMIND_1\"", "2026년 3월 10일 납부분");
    }

    @Test
    void a_500_then_success_delivers_one_message_and_the_provider_saw_the_same_request_id_twice() {
        PROVIDER.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"code\":\"INTERNAL\",\"message\":\"try later\"}"))
                .willSetStateTo("up"));
        PROVIDER.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"messageId\":\"sms-2\"}")));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();
        Message waiting = only(caseId);
        assertThat(waiting.state()).isEqualTo(MessageState.QUEUED);
        assertThat(waiting.lastError()).isEqualTo("500 INTERNAL: try later");
        // first retry after 5–10 s (half to all of the 10 s base, jitter)
        assertThat(Duration.between(clock.instant(), waiting.nextAttemptAt())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(dispatcher.drain()).isZero(); // not due yet
        clockAt("2026-04-15T09:00:11");
        assertThat(dispatcher.drain()).isEqualTo(1);

        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
        assertThat(providerSaw()).extracting(r -> r.getHeader("X-Request-Id"))
                .containsExactly("case:" + caseId + ":FINAL_REMINDER:SMS", "case:" + caseId + ":FINAL_REMINDER:SMS");
    }

    @Test
    void a_provider_slower_than_the_read_timeout_is_tried_again_later() {
        PROVIDER.stubFor(post(MESSAGES).willReturn(okJson("{\"messageId\":\"late\"}").withFixedDelay(3000)));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.QUEUED);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.lastError()).containsIgnoringCase("timed out");
    }

    @Test
    void a_connection_reset_is_retried_and_after_the_third_attempt_the_message_is_failed_and_visible() {
        PROVIDER.stubFor(post(MESSAGES).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();
        assertThat(only(caseId).state()).isEqualTo(MessageState.QUEUED);
        clockAt("2026-04-15T09:01"); // past the first backoff (≤ 10 s)
        dispatcher.drain();
        assertThat(only(caseId).state()).isEqualTo(MessageState.QUEUED);
        clockAt("2026-04-15T09:02"); // past the second (≤ 20 s)
        dispatcher.drain();

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(m.lastError()).contains("after 3 attempts");
        assertThat(providerSaw()).hasSize(3);
        assertThat(api.get("/api/messages?state=FAILED&caseId=" + caseId).body()).hasSize(1);
    }

    @Test
    void a_429_waits_exactly_as_long_as_retry_after_says() {
        PROVIDER.stubFor(post(MESSAGES).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")).willSetStateTo("ok"));
        PROVIDER.stubFor(post(MESSAGES).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"messageId\":\"after-wait\"}")));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();
        assertThat(only(caseId).lastError()).startsWith("429");
        // 09:00:00 + 120 s
        assertThat(only(caseId).nextAttemptAt()).isEqualTo(LocalDateTime.parse("2026-04-15T09:02:00")
                .atZone(BusinessTime.SEOUL).toInstant());

        clockAt("2026-04-15T09:01:59");
        assertThat(dispatcher.drain()).isZero();
        clockAt("2026-04-15T09:02:00");
        assertThat(dispatcher.drain()).isEqualTo(1);
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
        assertThat(providerSaw()).hasSize(2);
    }

    @Test
    void a_400_fails_at_once_and_keeps_the_providers_reason() {
        providerAnswers(400, "{\"code\":\"INVALID_SENDER\",\"message\":\"발신번호가 등록되지 않았습니다\"}");
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();
        clockAt("2026-04-15T12:00");
        dispatcher.drain();

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.lastError()).isEqualTo("400 INVALID_SENDER: 발신번호가 등록되지 않았습니다");
        assertThat(providerSaw()).hasSize(1);
    }

    @Test
    void a_refused_alimtalk_falls_back_to_exactly_one_text_message() {
        PROVIDER.stubFor(post(MESSAGES).withRequestBody(matchingJsonPath("$.type", equalTo("ALIMTALK")))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":\"TEMPLATE_MISMATCH\",\"message\":\"template not approved\"}")));
        PROVIDER.stubFor(post(MESSAGES).withRequestBody(matchingJsonPath("$.type", equalTo("LMS")))
                .willReturn(okJson("{\"messageId\":\"lms-1\"}")));
        long caseId = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);

        dispatcher.drain();
        clockAt("2026-04-15T12:00");
        dispatcher.drain();

        List<Message> rows = messages(caseId);
        assertThat(rows).extracting(Message::kind, Message::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MessageKind.ALIMTALK, MessageState.FAILED),
                org.assertj.core.groups.Tuple.tuple(MessageKind.LMS, MessageState.SENT));
        assertThat(rows.get(1).fallbackOf()).isEqualTo(rows.get(0).id());
        // the reminder-2 text states balance 2,630,000원 and interest 9,407원 on 31 March (see ArrearsApiTest)
        assertThat(rows.get(1).body()).contains("21일째 미납", "2,630,000원", "9,407원");
        List<LoggedRequest> texts = PROVIDER.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.type", equalTo("LMS"))));
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).getHeader("X-Request-Id")).isEqualTo("case:" + caseId + ":REMINDER_2:ALIMTALK:fallback");
        assertThat(auditCount("MESSAGE_FELL_BACK")).isPositive();
    }

    @Autowired LandlordMessages landlordMessages;

    @Test
    void a_refused_report_alimtalk_falls_back_to_one_text_to_the_landlord_with_the_reports_link() {
        PROVIDER.stubFor(post(MESSAGES).atPriority(1).withRequestBody(matchingJsonPath("$.type", equalTo("ALIMTALK")))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":\"TEMPLATE_MISMATCH\",\"message\":\"template not approved\"}")));
        PROVIDER.stubFor(post(MESSAGES).atPriority(5).willReturn(okJson("{\"messageId\":\"text-1\"}")));
        long landlord = jdbc.sql("SELECT min(id) FROM landlord").query(Long.class).single();
        String key = "report:" + landlord + ":2026-03:ALIMTALK:+821055550101";
        // queued as the report module queues it: in the transaction that keeps the report
        assertThat((boolean) tx.execute(s -> landlordMessages.alimTalk(key, new LandlordMessages.Report(landlord, "한울산업개발", "2026년 3월",
                "https://portal.example/portal/reports/2026-03", null), "+821055550101"))).isTrue();

        dispatcher.drain();
        clockAt("2026-04-15T12:00");
        dispatcher.drain();

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT id, kind, state, landlord_id, lease_id, recipient, body, fallback_of FROM message
                WHERE idempotency_key LIKE ? ORDER BY id""").param(key + "%").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("state")).containsExactly("ALIMTALK FAILED", "LMS SENT");
        Map<String, Object> text = rows.get(1);
        // the landlord's message, not a tenant's: no lease, the AlimTalk's number, the report's link in the text
        assertThat(text.get("landlord_id")).isEqualTo(landlord);
        assertThat(text.get("lease_id")).isNull();
        assertThat(text.get("recipient")).isEqualTo("+821055550101");
        assertThat(text.get("fallback_of")).isEqualTo(rows.get(0).get("id"));
        assertThat((String) text.get("body")).contains("한울산업개발님, 2026년 3월 임대관리 보고서가 준비되었습니다",
                "https://portal.example/portal/reports/2026-03");
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("LMS")))))
                .singleElement().satisfies(r -> assertThat(r.getHeader("X-Request-Id")).isEqualTo(key + ":fallback"));
    }

    @Test
    void two_dispatchers_on_one_database_send_every_message_exactly_once() throws Exception {
        PROVIDER.stubFor(post(MESSAGES).willReturn(okJson("{\"messageId\":\"m\"}").withFixedDelay(20)));
        // 60 friendly reminders of two leases that owe (one per due date): a lease has one open case, so
        // sixty case stages cannot be real, sixty due dates can
        ladder(leaseIds.get("HW-101"), Stage.UPCOMING, Channel.SMS);
        ladder(leaseIds.get("HW-301"), Stage.UPCOMING, Channel.SMS);
        for (int i = 0; i < 60; i++) {
            publish(new UpcomingDue(leaseIds.get(i % 2 == 0 ? "HW-101" : "HW-301"), LocalDate.of(2026, 4, 16).plusDays(i / 2),
                    1_000_000, LocalDate.of(2026, 4, 15)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            sent.add(pool.submit(() -> {
                start.await();
                return dispatcher.drain();
            }));
        }
        start.countDown();
        int first = sent.get(0).get();
        int second = sent.get(1).get();
        pool.shutdown();

        // which of the two got how many is the scheduler's business (drills/TwoInstancesDrillTest makes
        // both send for certain); that together they sent each message once is the promise
        assertThat(first + second).isEqualTo(60);
        List<LoggedRequest> seen = providerSaw();
        assertThat(seen).hasSize(60);
        assertThat(new HashSet<>(seen.stream().map(r -> r.getHeader("X-Request-Id")).toList())).hasSize(60);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE state = 'SENT'").query(Long.class).single()).isEqualTo(60);
        // both wrote MESSAGE_SENT events at once: the hash chain is still one unbroken line
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Autowired Outbox outbox;
    @Autowired kr.fm.arrears.audit.AuditVerifier auditVerifier;

    @Test
    void a_message_claimed_by_a_dispatcher_that_died_is_sent_once_its_claim_runs_out_under_the_same_request_id() {
        providerAnswers(200, "{\"messageId\":\"recovered\"}");
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);
        // a dispatcher claims the row, then its process dies before sending or recording anything
        assertThat(outbox.claim(clock.instant(), 10, clock.instant().plus(Duration.ofMinutes(5)))).hasSize(1);

        assertThat(dispatcher.drain()).isZero(); // still claimed: nobody else touches it
        clockAt("2026-04-15T09:05:00"); // the 5-minute claim has run out
        assertThat(dispatcher.drain()).isEqualTo(1);

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.SENT);
        assertThat(m.attempts()).isEqualTo(2); // the lost attempt counts
        assertThat(providerSaw()).extracting(r -> r.getHeader("X-Request-Id"))
                .containsExactly("case:" + caseId + ":FINAL_REMINDER:SMS");
    }

    @Test
    void a_message_due_at_21_00_waits_until_08_00_and_goes_out_then() {
        providerAnswers(200, "{\"messageId\":\"morning\"}");
        clockAt("2026-04-15T20:59");
        long early = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);
        assertThat(dispatcher.drain()).isEqualTo(1); // 20:59 is still allowed
        assertThat(only(early).state()).isEqualTo(MessageState.SENT);

        clockAt("2026-04-15T21:00");
        long late = reach("HW-301", Stage.FINAL_REMINDER, Channel.SMS);
        assertThat(dispatcher.drain()).isZero();
        assertThat(only(late).nextAttemptAt()).isEqualTo(LocalDateTime.parse("2026-04-16T08:00").atZone(BusinessTime.SEOUL).toInstant());

        clockAt("2026-04-16T07:59");
        assertThat(dispatcher.drain()).isZero();
        assertThat(only(late).state()).isEqualTo(MessageState.QUEUED);

        clockAt("2026-04-16T08:00");
        assertThat(dispatcher.drain()).isEqualTo(1);
        assertThat(only(late).state()).isEqualTo(MessageState.SENT);
        assertThat(providerSaw()).hasSize(2);
    }

    @Test
    void on_childrens_day_nothing_goes_out_until_the_next_morning() {
        providerAnswers(200, "{\"messageId\":\"holiday\"}");
        clockAt("2026-05-05T10:00"); // 어린이날, a Tuesday, loaded by the V3_2 migration
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);

        assertThat(dispatcher.drain()).isZero();
        assertThat(only(caseId).nextAttemptAt()).isEqualTo(LocalDateTime.parse("2026-05-06T08:00").atZone(BusinessTime.SEOUL).toInstant());
        assertThat(providerSaw()).isEmpty();

        clockAt("2026-05-06T08:00");
        dispatcher.drain();
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
    }
}

package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What a tenant receives and what a MANAGER sees: rendered Korean texts, the e-mail as it arrives,
 * who cannot or will not be texted, receipts, resends, the holiday calendar and the outbox metrics.
 */
@ServiceTest
class MessagesApiTest extends MessagingTestBase {

    @LocalServerPort
    int port;

    record Answer(int status, String body) {}

    Answer send(String method, String path, String body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON);
        // as the test ADMIN, like the Api helper; the receipt webhook ignores it and checks its signature
        Api.signedInAs(Api.ADMIN, Api.ADMIN_PASSWORD).forEach(request::header);
        headers.forEach(request::header);
        if (body != null) {
            request.body(body);
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    static String hmac(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A receipt as the provider sends it: a fresh delivery id, our clock's time, signed over both and the body. */
    Answer receipt(String requestId, String status, String secret) throws Exception {
        String body = "{\"requestId\":\"" + requestId + "\",\"status\":\"" + status + "\",\"reason\":\"수신 거부 번호\"}";
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String delivery = java.util.UUID.randomUUID().toString();
        return send("POST", "/api/messaging/receipts", body, Map.of("X-Timestamp", timestamp, "X-Delivery-Id", delivery,
                "X-Signature", hmac(timestamp + "." + delivery + "." + body, secret)));
    }

    @Test
    void reminder_2_texts_state_the_balance_the_interest_and_the_oldest_due_date_in_korean() {
        long caseId = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK, Channel.EMAIL);

        List<Message> rows = messages(caseId);
        assertThat(rows).extracting(Message::channel, Message::state)
                .containsExactly(tuple("ALIMTALK", MessageState.QUEUED), tuple("EMAIL", MessageState.QUEUED));
        Message talk = rows.get(0);
        assertThat(talk.templateCode()).isEqualTo("ARR_REMIND_2");
        // HW-101 on 31 March (ArrearsApiTest): 2,630,000 overdue since 10 March (21 days), interest 8,268 + 1,139
        assertThat(talk.body()).contains("(주)대성정밀 담당자님", "한울 제1공장 101호", "21일째 미납",
                "미납 원금: 2,630,000원", "지연손해금(2026년 3월 31일 기준): 9,407원", "최초 미납일: 2026년 3월 10일",
                "국민은행 123-45-6789-012 (예금주 한울산업개발(주))");
        assertThat(talk.fallbackBody()).contains("2,630,000원");
        assertThat(rows.get(1).recipient()).isEqualTo("ds@daesung.example");
        assertThat(rows.get(1).subject()).isEqualTo("[한울 제1공장] 임대료 미납 재안내 (21일 경과)");
        assertThat(auditCount("MESSAGE_QUEUED")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_lease_with_a_virtual_account_is_asked_to_pay_into_it_not_the_landlords_account() {
        long leaseId = leaseIds.get("HW-101");
        assertThat(api.putJson("/api/leases/" + leaseId + "/virtual-account", Map.of("virtualAccount", "562-9012-3456-78"))
                .status()).isEqualTo(200);
        try {
            long caseId = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);
            assertThat(messages(caseId).get(0).body()).contains("국민은행 5629012345678").doesNotContain("123-45-6789-012");
        } finally {
            api.putJson("/api/leases/" + leaseId + "/virtual-account", Map.of("virtualAccount", ""));
        }
    }

    @Test
    void the_same_stage_published_twice_queues_each_channel_once_and_notice_stages_are_left_to_the_notice_module() {
        long caseId = caseAt(leaseIds.get("HW-101"), Stage.REMINDER_1, LocalDate.of(2026, 3, 31));
        ladder(leaseIds.get("HW-101"), Stage.REMINDER_1, Channel.ALIMTALK, Channel.SMS, Channel.EMAIL);
        StageReached reached = new StageReached(caseId, leaseIds.get("HW-101"), Stage.REMINDER_1, LocalDate.of(2026, 3, 31));
        publish(reached);
        publish(reached);
        publish(new StageReached(caseId, leaseIds.get("HW-101"), Stage.DEMAND_NOTICE, LocalDate.of(2026, 4, 9)));

        // SMS beside AlimTalk is the AlimTalk's fallback, not a second text
        assertThat(messages(caseId)).extracting(Message::idempotencyKey).containsExactly(
                "case:" + caseId + ":REMINDER_1:ALIMTALK", "case:" + caseId + ":REMINDER_1:EMAIL");
    }

    @Test
    void a_reminder_whose_template_cannot_be_filled_in_is_failed_and_visible_without_undoing_the_stage() {
        // SD-B12 paid everything due by 31 March (968,000 on 1 Feb and 5 Mar): no oldest due date to name
        long caseId = reach("SD-B12", Stage.REMINDER_1, Channel.EMAIL);

        Message m = only(caseId);
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.lastError()).startsWith("템플릿 reminder-1(EMAIL)을 채우지 못했습니다");
    }

    @Test
    void an_upcoming_due_date_reminder_fits_one_sms_of_90_bytes() {
        ladder(leaseIds.get("HW-101"), Stage.UPCOMING, Channel.SMS);
        publish(new UpcomingDue(leaseIds.get("HW-101"), LocalDate.of(2026, 4, 10), 3_630_000, LocalDate.of(2026, 4, 7)));

        JsonNode m = api.get("/api/messages?leaseId=" + leaseIds.get("HW-101") + "&channel=SMS").body().get(0);
        assertThat(m.get("idempotencyKey").asText()).isEqualTo("lease:" + leaseIds.get("HW-101") + ":due:2026-04-10:SMS");
        assertThat(m.get("body").asText()).isEqualTo("[한울 제1공장] 2026년 4월 10일 납부 예정 금액은 3,630,000원입니다. 감사합니다.");
        assertThat(m.get("kind").asText()).isEqualTo("SMS");
    }

    @Test
    void a_tenant_with_only_a_landline_gets_no_text_and_the_outbox_says_why() {
        // 그린팩토리 (SD-B12) has 02-555-0123: a Seoul landline; its 1 April charges are unpaid on 2 April
        long caseId = reach("SD-B12", LocalDate.of(2026, 4, 2), Stage.REMINDER_1, Channel.ALIMTALK, Channel.EMAIL);

        List<Message> rows = messages(caseId);
        assertThat(rows).extracting(Message::channel, Message::state)
                .containsExactly(tuple("ALIMTALK", MessageState.SKIPPED), tuple("EMAIL", MessageState.QUEUED));
        assertThat(rows.get(0).lastError()).contains("휴대전화 번호가 없습니다");
        assertThat(rows.get(0).recipient()).isNull();
    }

    @Test
    void a_tenant_who_opted_out_of_email_gets_none_and_the_choice_is_audited() {
        long tenantId = api.get("/api/leases/" + leaseIds.get("HW-301")).body().get("tenantId").asLong();
        long before = auditCount("OPT_OUT_CHANGED");
        Answer put = send("PUT", "/api/tenants/" + tenantId + "/opt-outs",
                "{\"channels\":[\"EMAIL\"],\"reason\":\"대표 요청 (전화)\"}", Map.of());
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).contains("\"channels\":[\"EMAIL\"]");
        assertThat(auditCount("OPT_OUT_CHANGED")).isEqualTo(before + 1);

        long caseId = reach("HW-301", Stage.REMINDER_1, Channel.ALIMTALK, Channel.EMAIL);

        assertThat(messages(caseId)).extracting(Message::channel, Message::state, Message::lastError).containsExactly(
                tuple("ALIMTALK", MessageState.QUEUED, null), tuple("EMAIL", MessageState.SKIPPED, "임차인이 이메일 수신을 거부했습니다"));
        assertThat(send("PUT", "/api/tenants/" + tenantId + "/opt-outs", "{\"channels\":[\"CERTIFIED_NOTICE\"]}", Map.of())
                .status()).isEqualTo(422);
    }

    @Test
    void the_email_arrives_with_its_subject_a_text_and_an_html_part_and_the_korean_intact() throws Exception {
        long caseId = reach("HW-101", Stage.REMINDER_2, Channel.EMAIL);

        dispatcher.drain();

        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ds@daesung.example");
        assertThat(mail.getSubject()).isEqualTo("[한울 제1공장] 임대료 미납 재안내 (21일 경과)");
        List<String> parts = new ArrayList<>();
        collect(mail.getContent(), mail.getContentType(), parts);
        assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/plain")
                .contains("미납 원금: 2,630,000원", "지연손해금(2026년 3월 31일 기준): 9,407원", "합계: 2,639,407원"));
        assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/html")
                .contains("<strong>21일째</strong>", "(주)대성정밀 김대성 대표님</p>", "2,639,407원"));
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
    }

    private static void collect(Object content, String type, List<String> parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType(), parts);
            }
        } else {
            parts.add(type.toLowerCase() + "\n" + content);
        }
    }

    @Test
    void a_signed_receipt_marks_the_message_delivered_and_a_bad_signature_is_refused_and_changes_nothing() throws Exception {
        PROVIDER.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"p-1\"}")));
        long caseId = reach("HW-101", Stage.FINAL_REMINDER, Channel.SMS);
        dispatcher.drain();
        String requestId = "case:" + caseId + ":FINAL_REMINDER:SMS";
        long auditBefore = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

        Answer forged = receipt(requestId, "DELIVERED", "wrong-secret");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(only(caseId).state()).isEqualTo(MessageState.SENT);
        assertThat(jdbc.sql("SELECT count(*) FROM message_receipt").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(auditBefore);

        assertThat(receipt(requestId, "DELIVERED", SECRET).status()).isEqualTo(200);
        assertThat(only(caseId).state()).isEqualTo(MessageState.DELIVERED);
        assertThat(only(caseId).deliveredAt()).isEqualTo(clock.instant());
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'MESSAGE' AND subject_id = ? ORDER BY id")
                .param(Long.toString(only(caseId).id())).query(String.class).list())
                .containsExactly("MESSAGE_QUEUED", "MESSAGE_SENT", "MESSAGE_DELIVERED");
    }

    @Test
    void an_alimtalk_reported_undelivered_falls_back_to_one_text_and_only_a_failed_message_can_be_resent() throws Exception {
        PROVIDER.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"p-2\"}")));
        long caseId = reach("HW-101", Stage.REMINDER_1, Channel.ALIMTALK);
        dispatcher.drain();
        long talkId = only(caseId).id();

        assertThat(receipt("case:" + caseId + ":REMINDER_1:ALIMTALK", "FAILED", SECRET).status()).isEqualTo(200);
        assertThat(receipt("case:" + caseId + ":REMINDER_1:ALIMTALK", "FAILED", SECRET).status()).isEqualTo(200);

        List<Message> rows = messages(caseId);
        assertThat(rows).extracting(Message::kind, Message::state)
                .containsExactly(tuple(MessageKind.ALIMTALK, MessageState.FAILED), tuple(MessageKind.LMS, MessageState.QUEUED));
        assertThat(rows.get(0).lastError()).isEqualTo("제공사: 수신 거부 번호");

        assertThat(api.postJson("/api/messages/" + rows.get(1).id() + "/resend", Map.of()).status()).isEqualTo(409);
        Answer resent = send("POST", "/api/messages/" + talkId + "/resend", "{\"reason\":\"번호 확인 후 재발송\"}", Map.of());
        assertThat(resent.status()).isEqualTo(200);
        assertThat(message(talkId).state()).isEqualTo(MessageState.QUEUED);
        assertThat(message(talkId).resends()).isEqualTo(1);
        assertThat(auditCount("MESSAGE_RESENT")).isEqualTo(1);
        assertThat(api.postJson("/api/messages/" + talkId + "/resend", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void the_2026_and_2027_holidays_are_loaded_and_a_new_one_can_be_added_and_removed() {
        JsonNode y2026 = api.get("/api/holidays?year=2026").body();
        assertThat(y2026).hasSize(20);
        assertThat(api.get("/api/holidays?year=2027").body()).hasSize(20);
        assertThat(y2026.get(0).get("date").asText()).isEqualTo("2026-01-01");

        assertThat(api.postJson("/api/holidays", Map.of("date", "2026-05-01", "name", "근로자의 날")).status()).isEqualTo(201);
        assertThat(api.get("/api/holidays?year=2026").body()).hasSize(21);
        assertThat(send("DELETE", "/api/holidays/2026-05-01", null, Map.of()).status()).isEqualTo(204);
        assertThat(send("DELETE", "/api/holidays/2026-05-01", null, Map.of()).status()).isEqualTo(404);
        assertThat(api.postJson("/api/holidays", Map.of("date", "2026-02-30", "name", "없는 날")).status()).isEqualTo(422);
    }

    @Test
    void the_outbox_counts_are_actuator_metrics() {
        long caseId = reach("SD-B12", LocalDate.of(2026, 4, 2), Stage.REMINDER_1, Channel.ALIMTALK, Channel.EMAIL);
        assertThat(messages(caseId)).hasSize(2);

        // one QUEUED e-mail, one SKIPPED AlimTalk (landline)
        assertThat(metric("queued")).isEqualTo(1.0);
        assertThat(metric("skipped")).isEqualTo(1.0);
        assertThat(metric("failed")).isEqualTo(0.0);
    }

    private double metric(String state) {
        return api.get("/actuator/metrics/arrears.outbox.messages?tag=state:" + state).body()
                .get("measurements").get(0).get("value").asDouble();
    }
}

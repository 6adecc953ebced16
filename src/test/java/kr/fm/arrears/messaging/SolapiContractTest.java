package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.messaging.internal.SolapiClient;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Solapi adapter against WireMock stubs made from Solapi's documented request and response
 * shapes (src/test/resources/providers/solapi): the HMAC header, one group per batch (create, add,
 * send), a timeout after "add messages" followed by reconciliation that adds nothing twice, the
 * provider's 4xx error codes, and the delivery statuses it reports.
 */
@ServiceTest
class SolapiContractTest extends MessagingTestBase {

    static final String GROUP = "G4V20260331080000ARREARSGROUP01";
    static final String SECRET_KEY = "test-solapi-secret";

    @DynamicPropertySource
    static void solapi(DynamicPropertyRegistry r) {
        r.add("arrears.messaging.provider", () -> "solapi");
        r.add("arrears.messaging.solapi.base-url", PROVIDER::baseUrl);
        r.add("arrears.messaging.solapi.api-key", () -> "NCSAYU7YDBXYORXC");
        r.add("arrears.messaging.solapi.api-secret", () -> SECRET_KEY);
        r.add("arrears.messaging.solapi.pf-id", () -> "KA01PF2026033100000000ARREARS01");
        for (String code : MessagingProperties.TEMPLATE_CODES) {
            r.add("arrears.messaging.solapi.templates." + code, () -> "KA01TP_" + code);
        }
    }

    @Autowired RegisteredTemplates registered;
    @Autowired ProviderReports reports;

    @Test
    void a_known_key_secret_date_and_salt_give_the_signature_openssl_computed() {
        JsonNode known = fixture("signature.json");
        SolapiClient client = new SolapiClient("http://127.0.0.1:1", known.get("apiKey").asText(),
                known.get("apiSecret").asText(), Duration.ofSeconds(1), Duration.ofSeconds(1), new ObjectMapper(),
                Clock.systemUTC());

        assertThat(client.authorization(known.get("date").asText(), known.get("salt").asText())).isEqualTo(
                "HMAC-SHA256 apiKey=NCSAYU7YDBXYORXC, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature="
                        + known.get("signature").asText());
    }

    @Test
    void a_batch_goes_as_one_group_created_filled_and_sent_each_request_signed_with_a_fresh_salt() {
        stubGroupFlow();
        long alimTalk = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);
        long lms = reach("HW-301", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();

        Message a = only(alimTalk);
        Message l = only(lms);
        assertThat(a.state()).isEqualTo(MessageState.SENT);
        assertThat(a.providerId()).isEqualTo("M4V20260331080000ARREARSMSG0001");
        assertThat(l.providerId()).isEqualTo("M4V20260331080000ARREARSMSG0002");
        assertThat(a.providerGroup()).isEqualTo(GROUP);

        List<LoggedRequest> adds = PROVIDER.findAll(putRequestedFor(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages")));
        assertThat(adds).hasSize(1);
        JsonNode sent = read(adds.get(0).getBodyAsString()).get("messages");
        assertThat(sent).hasSize(2);
        JsonNode ata = sent.get(0);
        assertThat(ata.get("type").asText()).isEqualTo("ATA");
        assertThat(ata.get("to").asText()).isEqualTo("01023456789");
        assertThat(ata.get("kakaoOptions").get("pfId").asText()).isEqualTo("KA01PF2026033100000000ARREARS01");
        assertThat(ata.get("kakaoOptions").get("templateId").asText()).isEqualTo("KA01TP_ARR_REMIND_2");
        assertThat(ata.get("kakaoOptions").get("disableSms").asBoolean()).as("our own SMS fallback, never both").isTrue();
        assertThat(ata.get("customFields").get("arrearsKey").asText()).isEqualTo(a.idempotencyKey());
        // the variables filled into the text Kakao approved give, word for word, the text the outbox holds
        Map<String, String> variables = new ObjectMapper().convertValue(ata.get("kakaoOptions").get("variables"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        assertThat(variables).containsKeys("#{임차인}", "#{미납원금}", "#{지연손해금}");
        assertThat(registered.fill("ARR_REMIND_2", variables)).isEqualTo(a.body());
        assertThat(sent.get(1).get("type").asText()).isIn("SMS", "LMS");
        assertThat(sent.get(1).get("text").asText()).isEqualTo(l.body());
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/messages/v4/groups/" + GROUP + "/send")))).hasSize(1);

        // create, add, send: each signed over its own date and salt with the secret
        List<LoggedRequest> all = PROVIDER.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(all).hasSize(3);
        assertThat(all.stream().map(r -> signed(r.getHeader("Authorization"))).distinct()).hasSize(3);
    }

    @Test
    void a_timeout_after_adding_then_a_restart_reconciles_the_group_and_nothing_is_added_twice() {
        stubGroupFlow();
        PROVIDER.stubFor(put(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .willReturn(okJson(text("add-messages.response.json")).withFixedDelay(3_000))); // read timeout is 2 s
        long alimTalk = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);
        long lms = reach("HW-301", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();
        assertThat(only(alimTalk).state()).isEqualTo(MessageState.QUEUED);
        assertThat(only(alimTalk).providerGroup()).as("kept before anything was added").isEqualTo(GROUP);

        // the provider did take them; the group was never sent. A restart later, the retry asks the group first
        PROVIDER.stubFor(get(urlPathEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .willReturn(okJson(groupMessages(only(alimTalk).idempotencyKey(), "2000", only(lms).idempotencyKey(), "2000"))));
        PROVIDER.stubFor(get(urlEqualTo("/messages/v4/groups/" + GROUP)).willReturn(okJson(text("group-info.pending.response.json"))));
        clock.set(LocalDateTime.of(2026, 4, 15, 9, 5));
        dispatcher.drain();

        assertThat(only(alimTalk).state()).isEqualTo(MessageState.SENT);
        assertThat(only(lms).state()).isEqualTo(MessageState.SENT);
        assertThat(only(alimTalk).providerId()).isEqualTo("M4V20260331080000ARREARSMSG0001");
        assertThat(PROVIDER.findAll(putRequestedFor(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages"))))
                .as("each message added once").hasSize(1);
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/messages/v4/groups")))).as("no second group").hasSize(1);
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/messages/v4/groups/" + GROUP + "/send")))).hasSize(1);
    }

    @Test
    void the_providers_error_codes_fail_the_messages_with_their_reason_and_a_refused_alimtalk_falls_back() {
        stubGroupFlow();
        PROVIDER.stubFor(put(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .willReturn(okJson(text("add-messages.one-refused.response.json"))));
        long alimTalk = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);
        long lms = reach("HW-301", Stage.FINAL_REMINDER, Channel.SMS);

        dispatcher.drain();

        assertThat(only(alimTalk).state()).isEqualTo(MessageState.SENT);
        Message refused = only(lms);
        assertThat(refused.state()).isEqualTo(MessageState.FAILED);
        assertThat(refused.lastError()).contains("1062", "발신번호 미등록");

        // a whole request refused (4xx): the documented {errorCode, errorMessage} is the reason
        PROVIDER.stubFor(put(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(text("error.validation.response.json"))));
        long bad = reach("SD-B12", java.time.LocalDate.of(2026, 4, 2), Stage.REMINDER_1, Channel.ALIMTALK);
        long caseHw = reach("HW-301", Stage.REMINDER_1, Channel.SMS);
        dispatcher.drain();
        assertThat(messages(caseHw).get(0).lastError()).contains("ValidationError");
        assertThat(messages(bad)).allMatch(m -> m.state() != MessageState.SENT);
    }

    @Test
    void delivery_results_are_asked_of_the_group_4000_delivered_3104_failed_and_the_alimtalk_falls_back_to_sms() {
        stubGroupFlow();
        long alimTalk = reach("HW-101", Stage.REMINDER_2, Channel.ALIMTALK);
        long lms = reach("HW-301", Stage.FINAL_REMINDER, Channel.SMS);
        dispatcher.drain();
        assertThat(reports.reconcile()).as("not asked before reports-after").isZero();

        PROVIDER.stubFor(get(urlPathEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .willReturn(okJson(groupMessages(only(alimTalk).idempotencyKey(), "3104", only(lms).idempotencyKey(), "4000"))));
        clock.set(LocalDateTime.of(2026, 4, 15, 9, 11));
        assertThat(reports.reconcile()).isEqualTo(2);

        assertThat(only(lms).state()).isEqualTo(MessageState.DELIVERED);
        List<Message> ata = messages(alimTalk);
        assertThat(ata.get(0).state()).isEqualTo(MessageState.FAILED);
        assertThat(ata.get(0).lastError()).contains("3104");
        assertThat(ata).hasSize(2);
        assertThat(ata.get(1).channel()).isEqualTo("SMS");
        assertThat(ata.get(1).state()).isEqualTo(MessageState.QUEUED);
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo("/messages/v4/groups/" + GROUP + "/messages")))).hasSize(1);
        assertThat(reports.reconcile()).as("final states are not asked about again").isZero();
    }

    @Test
    void every_alimtalk_template_renders_a_text_that_fits_the_text_kakao_registered() {
        for (String code : MessagingProperties.TEMPLATE_CODES) {
            assertThat(registered.text(code)).as(code).contains("#{");
        }
        long alimTalk = reach("HW-101", Stage.REMINDER_1, Channel.ALIMTALK);
        Message m = only(alimTalk);
        Map<String, String> variables = registered.variables(m.templateCode(), m.body()).orElseThrow();
        assertThat(registered.fill(m.templateCode(), variables)).isEqualTo(m.body());
        assertThat(registered.variables(m.templateCode(), m.body() + " (수정)")).as("a changed wording is caught").isEmpty();
    }

    private void stubGroupFlow() {
        PROVIDER.stubFor(post(urlEqualTo("/messages/v4/groups")).willReturn(okJson(text("create-group.response.json"))));
        PROVIDER.stubFor(put(urlEqualTo("/messages/v4/groups/" + GROUP + "/messages"))
                .withRequestBody(matchingJsonPath("$.messages[1]")).willReturn(okJson(text("add-messages.response.json"))));
        PROVIDER.stubFor(post(urlEqualTo("/messages/v4/groups/" + GROUP + "/send")).willReturn(okJson(text("send-group.response.json"))));
    }

    private static final Pattern AUTH = Pattern.compile(
            "HMAC-SHA256 apiKey=NCSAYU7YDBXYORXC, date=(\\S+), salt=([0-9a-f]{24,128}), signature=([0-9a-f]{64})");

    /** The salt of a header whose signature is right for its date and salt. */
    private static String signed(String header) {
        Matcher m = AUTH.matcher(header);
        assertThat(m.matches()).as(header).isTrue();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((m.group(1) + m.group(2)).getBytes(StandardCharsets.UTF_8)));
            assertThat(m.group(3)).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return m.group(2);
    }

    private static String groupMessages(String key1, String status1, String key2, String status2) {
        return text("group-messages.template.json").replace("${KEY_1}", key1).replace("${STATUS_1}", status1)
                .replace("${REASON_1}", status1.equals("3104") ? "카카오톡 미사용자" : "")
                .replace("${KEY_2}", key2).replace("${STATUS_2}", status2).replace("${REASON_2}", "");
    }

    static String text(String name) {
        try (var in = SolapiContractTest.class.getResourceAsStream("/providers/solapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fixture(String name) {
        return read(text(name));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

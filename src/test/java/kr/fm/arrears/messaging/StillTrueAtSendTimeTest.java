package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.ledger.NewBuilding;
import kr.fm.arrears.ledger.NewLandlord;
import kr.fm.arrears.ledger.NewLease;
import kr.fm.arrears.ledger.NewPayment;
import kr.fm.arrears.ledger.NewTenant;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.ledger.Portfolio;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC "Send only what is still true". Saturday 28 March 2026, 22:00 Seoul: a run decides the final
 * reminders (SMS and e-mail) of five tenants, held by quiet hours and Sunday until Monday 08:00. Before
 * then one case is paused, one tenant opts out of SMS, one tenant pays in full, and Sunday's run takes
 * one case to the demand notice. At Monday 08:00 exactly those messages are cancelled with their
 * reasons and never reach the provider or the mail server; all the others leave once.
 */
@ServiceTest
class StillTrueAtSendTimeTest extends MessagingTestBase {

    @Autowired Portfolio portfolio;
    @Autowired Payments payments;
    @Autowired AuditVerifier auditVerifier;

    @Test
    void messages_held_over_the_weekend_are_checked_again_at_monday_eight_and_only_the_true_ones_leave() {
        PROVIDER.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"m\"}")));
        long landlord = portfolio.landlord(new NewLandlord("서해산업", "220-81-62517", "경기도 시흥시", null, null, "기업은행",
                "010-1234-5678-90", "서해산업(주)"), "test");
        long building = portfolio.building(new NewBuilding(landlord, "시화 제2공장", "경기도 시흥시", List.of()), "test");
        // rent 1,000,000 + fee 100,000 + VAT = 1,210,000 due on the 10th from March (27th from February for late)
        Map<String, Long> lease = Map.of(
                "paused", lease(building, "ST-PAUSED", "010-3000-0001", 10, LocalDate.of(2026, 3, 1)),
                "optedOut", lease(building, "ST-OPTOUT", "010-3000-0002", 10, LocalDate.of(2026, 3, 1)),
                "paid", lease(building, "ST-PAID", "010-3000-0003", 10, LocalDate.of(2026, 3, 1)),
                "later", lease(building, "ST-LATER", "010-3000-0004", 27, LocalDate.of(2026, 2, 1)),
                "true", lease(building, "ST-TRUE", "010-3000-0005", 10, LocalDate.of(2026, 3, 1)));

        // the late lease paid February's rent but not its fee: one month's rent overdue, below the termination right
        payments.record(lease.get("later"), List.of(new NewPayment("ST-BANK-0", LocalDate.of(2026, 2, 27), 1_100_000L,
                "서해 임차인 4")), "test");

        // Saturday night: 18 days after 10 March (29 after 27 Feb): every case opens at the final reminder
        clock.set(LocalDateTime.of(2026, 3, 28, 22, 0));
        run("2026-03-28");
        assertThat(dispatcher.drain()).isZero();
        lease.values().forEach(id -> assertThat(states(id)).containsOnly(MessageState.QUEUED).hasSize(2));
        Map<Long, Long> caseOf = lease.values().stream().collect(Collectors.toMap(id -> id, this::openCase));

        Api.Response pause = api.postJson("/api/cases/" + caseOf.get(lease.get("paused")) + "/pause",
                Map.of("until", "2026-04-10", "reason", "분쟁: 누수 보수 후 지급 약속"));
        assertThat(pause.status()).isEqualTo(200);
        long optedOutTenant = jdbc.sql("SELECT tenant_id FROM lease WHERE id = ?").param(lease.get("optedOut"))
                .query(Long.class).single();
        assertThat(api.putJson("/api/tenants/" + optedOutTenant + "/opt-outs",
                Map.of("channels", List.of("SMS"), "reason", "전화로 문자 수신 거부")).status()).isEqualTo(200);

        // Sunday 09:00, the daily run: 30 days after 27 Feb, the late lease reaches the demand notice
        clock.set(LocalDateTime.of(2026, 3, 29, 9, 0));
        run("2026-03-29");
        assertThat(dispatcher.drain()).as("Sundays are held").isZero();

        // Monday 07:30: the whole balance of one lease arrives (March's 1,210,000)
        clock.set(LocalDateTime.of(2026, 3, 30, 7, 30));
        payments.record(lease.get("paid"), List.of(new NewPayment("ST-BANK-1", LocalDate.of(2026, 3, 30), 1_210_000L,
                "서해 임차인 3")), "test");

        clock.set(LocalDateTime.of(2026, 3, 30, 8, 0));
        dispatcher.drain();

        assertThat(outcome(lease.get("paused"))).containsOnly(Map.entry("CANCELLED", "PAUSED")).hasSize(2);
        assertThat(outcome(lease.get("optedOut"))).containsExactlyInAnyOrder(Map.entry("SMS:CANCELLED", "OPTED_OUT"),
                Map.entry("EMAIL:SENT", ""));
        assertThat(outcome(lease.get("paid"))).containsOnly(Map.entry("CANCELLED", "PAID")).hasSize(2);
        assertThat(outcome(lease.get("later"))).containsOnly(Map.entry("CANCELLED", "SUPERSEDED")).hasSize(2);
        assertThat(states(lease.get("true"))).containsOnly(MessageState.SENT).hasSize(2);

        // nothing cancelled reached anyone; each true message left once
        List<String> texted = PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).stream()
                .map(LoggedRequest::getBodyAsString).filter(b -> b.contains("+82103000")).toList();
        assertThat(texted).hasSize(1).allMatch(b -> b.contains("+821030000005"));
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(StillTrueAtSendTimeTest::to)
                .filter(a -> a.endsWith("@seohae.example")).toList())
                .containsExactlyInAnyOrder("t0002@seohae.example", "t0005@seohae.example");

        // each cancellation is audited once with its reason, shown in the API and the history, not counted as sent
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE action = 'MESSAGE_CANCELLED' AND lease_id = ANY(?)")
                .param(lease.values().toArray(Long[]::new)).query(String.class).list())
                .containsExactlyInAnyOrder("PAUSED", "PAUSED", "OPTED_OUT", "PAID", "PAID", "SUPERSEDED", "SUPERSEDED");
        var cancelled = api.get("/api/messages?leaseId=" + lease.get("paid")).body().get(0);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("PAID");
        var history = api.get("/api/history?kind=REMINDER&status=CANCELLED&limit=100").body().get("items");
        assertThat(history).extracting(h -> h.get("leaseCode").asText() + " " + h.get("statusLabel").asText())
                .contains("ST-PAID 취소됨 (납부 확인)", "ST-PAUSED 취소됨 (보류 중)", "ST-OPTOUT 취소됨 (수신 거부)",
                        "ST-LATER 취소됨 (다음 단계로 대체)");
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    private long lease(long building, String code, String phone, int dueDay, LocalDate start) {
        String n = phone.substring(phone.length() - 4);
        long tenant = portfolio.tenant(new NewTenant("서해 임차인 " + n.charAt(3), businessNo(Integer.parseInt(n)), "대표 " + n,
                phone, "t" + n + "@seohae.example", "경기도 시흥시"), "test");
        return portfolio.lease(new NewLease(code, tenant, building, List.of(code.substring(3)), start, LocalDate.of(2028, 2, 29),
                1_000_000L, 100_000L, 10_000_000L, dueDay, true, null, true, false), "test");
    }

    /** A 사업자등록번호 with a valid check digit: 124-81-0000x with x computed. */
    private static String businessNo(int seq) {
        String nine = String.format("12481%04d", seq);
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * w[i];
        }
        sum += (nine.charAt(8) - '0') * 5 / 10;
        return nine + (10 - sum % 10) % 10;
    }

    private void run(String date) {
        Api.Response run = api.postJson("/api/escalation/runs", Map.of("businessDate", date, "dryRun", false));
        assertThat(run.status()).as("run %s: %s", date, run.body()).isEqualTo(201);
    }

    private long openCase(long leaseId) {
        return jdbc.sql("SELECT id FROM arrears_case WHERE lease_id = ? AND closed_on IS NULL").param(leaseId)
                .query(Long.class).single();
    }

    private List<MessageState> states(long leaseId) {
        return jdbc.sql("SELECT state FROM message WHERE lease_id = ? ORDER BY id").param(leaseId).query(String.class).list()
                .stream().map(MessageState::valueOf).toList();
    }

    /** "STATE" → reason of each message of the lease ("CHANNEL:STATE" when the channels differ in outcome). */
    private List<Map.Entry<String, String>> outcome(long leaseId) {
        List<Map.Entry<String, String>> rows = jdbc.sql("SELECT channel, state, coalesce(cancel_reason, '') FROM message "
                + "WHERE lease_id = ? ORDER BY id").param(leaseId)
                .query((rs, i) -> Map.entry(rs.getString(1) + ":" + rs.getString(2), rs.getString(3))).list();
        boolean same = rows.stream().map(r -> r.getKey().substring(r.getKey().indexOf(':') + 1) + r.getValue()).distinct()
                .count() == 1;
        return same ? rows.stream().map(r -> Map.entry(r.getKey().substring(r.getKey().indexOf(':') + 1), r.getValue()))
                .toList() : rows;
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

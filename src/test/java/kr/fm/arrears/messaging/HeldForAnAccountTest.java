package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.ledger.NewBuilding;
import kr.fm.arrears.ledger.NewLandlord;
import kr.fm.arrears.ledger.NewLease;
import kr.fm.arrears.ledger.NewPayment;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.ledger.Portfolio;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC "Send only what is still true": a reminder that must show the account to pay into is HELD while
 * the landlord has none, and goes out once, showing it, when a MANAGER sets it. Each test has a landlord of
 * its own without an account, and one lease from 1 April 2026: rent 1,000,000 + fee 100,000 + VAT 10 % =
 * 1,210,000 due on the 10th; on Wednesday 15 April its case reaches the first reminder (SMS and e-mail).
 */
@ServiceTest
class HeldForAnAccountTest extends MessagingTestBase {

    static final String MANAGER = "kim.manager";
    static final String PASSWORD = "manager-password-1";

    @Autowired Portfolio portfolio;
    @Autowired Payments payments;
    @Autowired AuditVerifier auditVerifier;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port;

    Api manager;
    int n;

    @BeforeAll
    void aManager() {
        portfolios.given().manager(MANAGER, PASSWORD, "김관리").make();
        manager = api.as(MANAGER, PASSWORD);
    }

    @BeforeEach
    void provider() {
        PROVIDER.stubFor(post("/v1/messages").willReturn(okJson("{\"messageId\":\"m\"}")));
    }

    @Test
    void a_reminder_that_prints_the_account_is_held_while_the_landlord_has_none_and_nothing_reaches_the_provider() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        long caseId = firstReminder(l);

        List<Message> held = messages(caseId);
        assertThat(held).extracting(Message::channel, Message::state, Message::holdReason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("SMS", MessageState.HELD, HoldReason.NO_BANK_ACCOUNT),
                org.assertj.core.groups.Tuple.tuple("EMAIL", MessageState.HELD, HoldReason.NO_BANK_ACCOUNT));
        assertThat(dispatcher.drain()).isZero();
        clock.set(LocalDateTime.of(2026, 4, 16, 10, 0)); // the next day: still nothing
        assertThat(dispatcher.drain()).isZero();

        PROVIDER.verify(0, postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE action = 'MESSAGE_HELD' AND lease_id = ?").param(l.id)
                .query(String.class).list()).containsExactly("NO_BANK_ACCOUNT", "NO_BANK_ACCOUNT");
        // never counted as sent; staff read why in Korean
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE lease_id = ? AND sent_at IS NOT NULL").param(l.id)
                .query(Long.class).single()).isZero();
        JsonNode history = api.get("/api/history?kind=REMINDER&limit=100").body().get("items");
        assertThat(history).filteredOn(h -> h.get("leaseCode").asText().equals(l.code))
                .extracting(h -> h.get("statusLabel").asText()).containsOnly("보류: 임대인 계좌 미등록").hasSize(2);
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    void the_manager_sets_the_account_and_the_held_reminder_goes_out_once_with_the_account_in_its_text() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        long caseId = firstReminder(l);
        assertThat(messages(caseId)).extracting(Message::body).noneMatch(b -> b.contains("010-1234-5678-90"));

        Api.Response set = manager.putJson("/api/landlords/" + l.landlordId + "/bank-account", Map.of("bankName", "기업은행",
                "bankAccount", "010-1234-5678-90", "accountHolder", l.landlord + "(주)", "reason", "임대인 통장 사본 수령"));
        assertThat(set.status()).as(String.valueOf(set.body())).isEqualTo(200);
        assertThat(set.body().get("bankAccount").asText()).isEqualTo("010-1234-5678-90");

        // released, rendered again: the texts now say where to pay 1,210,000
        List<Message> released = messages(caseId);
        assertThat(released).extracting(Message::state).containsOnly(MessageState.QUEUED).hasSize(2);
        assertThat(released).extracting(Message::body)
                .allMatch(b -> b.contains("기업은행 010-1234-5678-90") && b.contains("1,210,000원"));
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'MESSAGE_RELEASED' AND lease_id = ?").param(l.id)
                .query(String.class).list()).containsExactly(MANAGER, MANAGER);
        assertThat(auditCount("LANDLORD_BANK_ACCOUNT_SET")).isPositive();

        assertThat(dispatcher.drain()).isEqualTo(2);
        // a second drain, the same stage decided again, and the same account set again send nothing more
        assertThat(dispatcher.drain()).isZero();
        publish(new StageReached(caseId, l.id, Stage.REMINDER_1, LocalDate.of(2026, 4, 15)));
        assertThat(manager.putJson("/api/landlords/" + l.landlordId + "/bank-account", Map.of("bankName", "기업은행",
                "bankAccount", "010-1234-5678-90", "accountHolder", l.landlord + "(주)", "reason", "다시 저장")).status())
                .isEqualTo(200);
        assertThat(dispatcher.drain()).isZero();

        assertThat(messages(caseId)).extracting(Message::state).containsOnly(MessageState.SENT).hasSize(2);
        List<String> texts = PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
        assertThat(texts).hasSize(1).allMatch(b -> b.contains("010-1234-5678-90"));
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).get(0).getHeader("X-Request-Id"))
                .isEqualTo("case:" + caseId + ":REMINDER_1:SMS");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    void a_tenant_who_paid_before_the_account_was_set_gets_nothing_and_the_reminder_is_cancelled_as_paid() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        long caseId = firstReminder(l);

        // Thursday: the whole 1,210,000 arrives (the tenant knew the account from the lease contract)
        clock.set(LocalDateTime.of(2026, 4, 16, 11, 0));
        payments.record(l.id, List.of(new NewPayment("HELD-PAID-" + l.code, LocalDate.of(2026, 4, 16), 1_210_000L, "임차인")),
                "test");
        Api.Response set = manager.putJson("/api/landlords/" + l.landlordId + "/bank-account", Map.of("bankName", "신한은행",
                "bankAccount", "110-234-567890", "accountHolder", l.landlord, "reason", "임대인 요청"));
        assertThat(set.status()).isEqualTo(200);

        assertThat(messages(caseId)).extracting(Message::state, Message::cancelReason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(MessageState.CANCELLED, CancelReason.PAID)).hasSize(2);
        assertThat(dispatcher.drain()).isZero();
        PROVIDER.verify(0, postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE action = 'MESSAGE_CANCELLED' AND lease_id = ?").param(l.id)
                .query(String.class).list()).containsExactly("PAID", "PAID");
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    void a_reminder_queued_while_there_was_an_account_is_held_at_its_turn_if_the_account_is_gone_by_then() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        jdbc.sql("UPDATE landlord SET bank_name = '농협', bank_account = '301-1234-5678-91', account_holder = ? WHERE id = ?")
                .params(l.landlord, l.landlordId).update();
        clock.set(LocalDateTime.of(2026, 4, 15, 22, 0)); // decided in quiet hours: it waits for 08:00
        long caseId = firstReminder(l);
        assertThat(messages(caseId)).extracting(Message::state).containsOnly(MessageState.QUEUED);

        // overnight the account on file is emptied (an import, a hand edit: no page clears it)
        jdbc.sql("UPDATE landlord SET bank_name = NULL, bank_account = NULL, account_holder = NULL WHERE id = ?")
                .param(l.landlordId).update();
        clock.set(LocalDateTime.of(2026, 4, 16, 8, 0));
        assertThat(dispatcher.drain()).isZero();

        assertThat(messages(caseId)).extracting(Message::state, Message::holdReason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(MessageState.HELD, HoldReason.NO_BANK_ACCOUNT)).hasSize(2);
        PROVIDER.verify(0, postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // the lease's 가상계좌 supplies what was missing: released, and the text prints the virtual account
        assertThat(manager.putJson("/api/leases/" + l.id + "/virtual-account", Map.of("virtualAccount", "5678-90123-45678"))
                .status()).isEqualTo(200);
        assertThat(messages(caseId)).extracting(Message::body).allMatch(b -> b.contains("56789012345678"));
        assertThat(dispatcher.drain()).isEqualTo(2);
        PROVIDER.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void a_corrected_account_replaces_the_old_one_in_reminders_still_waiting_for_the_contact_window() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        jdbc.sql("UPDATE landlord SET bank_name = '농협', bank_account = '301-1234-5678-91', account_holder = ? WHERE id = ?")
                .params(l.landlord, l.landlordId).update();
        clock.set(LocalDateTime.of(2026, 4, 15, 22, 0)); // decided in quiet hours: it waits for 08:00
        long caseId = firstReminder(l);
        assertThat(messages(caseId)).extracting(Message::body).allMatch(b -> b.contains("301-1234-5678-91"));

        // the number on file had a typo: corrected before the window opens
        assertThat(manager.putJson("/api/landlords/" + l.landlordId + "/bank-account", Map.of("bankName", "농협",
                "bankAccount", "301-1234-5678-19", "accountHolder", l.landlord, "reason", "계좌번호 오기 정정")).status())
                .isEqualTo(200);
        assertThat(messages(caseId)).extracting(Message::state).containsOnly(MessageState.QUEUED);
        assertThat(messages(caseId)).extracting(Message::body)
                .allMatch(b -> b.contains("301-1234-5678-19") && !b.contains("301-1234-5678-91"));
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'MESSAGE_REWRITTEN' AND lease_id = ?").param(l.id)
                .query(String.class).list()).containsExactly(MANAGER, MANAGER);

        clock.set(LocalDateTime.of(2026, 4, 16, 8, 0));
        assertThat(dispatcher.drain()).isEqualTo(2);
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/messages")))).hasSize(1)
                .allMatch(r -> r.getBodyAsString().contains("301-1234-5678-19"));
    }

    @Test
    void staff_see_the_held_reminders_on_the_board_and_the_case_and_set_the_account_on_the_landlords_page() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        long caseId = firstReminder(l);
        kr.fm.arrears.support.Browser kim = new kr.fm.arrears.support.Browser(port);
        kim.signIn(MANAGER, PASSWORD);

        String board = kim.page("/board").body();
        String attention = board.substring(board.indexOf("id=\"attention\""), board.indexOf("id=\"board-filter\""));
        assertThat(attention).contains(l.landlord + ": 입금 계좌가 없습니다 (안내문에 계좌를 적을 수 없음) · 보류된 안내 2건",
                "href=\"/landlords/" + l.landlordId + "\"");
        assertThat(kim.page("/cases/" + caseId).body()).contains("문자 · 보류: 임대인 계좌 미등록", "이메일 · 보류: 임대인 계좌 미등록",
                "href=\"/landlords/" + l.landlordId + "\"");
        String page = "/landlords/" + l.landlordId;
        assertThat(kim.page(page).body()).contains("보류된 안내 2건", "미등록", l.code, "id=\"bank-account-form\"");

        // a wrong number changes nothing and names the field
        assertThat(kim.postForm(page + "/bank-account", Map.of("bankName", "기업은행", "bankAccount", "010-1234-ABCD",
                "accountHolder", l.landlord, "reason", "통장 사본"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "계좌번호(bankAccount)", "보류된 안내 2건");

        assertThat(kim.postForm(page + "/bank-account", Map.of("bankName", "기업은행", "bankAccount", "010-1234-5678-90",
                "accountHolder", l.landlord + "(주)", "reason", "임대인 통장 사본 수령"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("입금 계좌를 저장했습니다. 보류된 안내 2건은 다시 확인해 보냅니다",
                "기업은행 010-1234-5678-90 (예금주 " + l.landlord + "(주))", "보류된 안내 0건");
        assertThat(dispatcher.drain()).isEqualTo(2);
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/messages")))).hasSize(1)
                .allMatch(r -> r.getBodyAsString().contains("기업은행 010-1234-5678-90"));
        assertThat(kim.page("/board").body()).doesNotContain(l.landlord + ": 입금 계좌가 없습니다");

        // the landlord's own sign-in sees the page without the form and may not post it; another landlord's is not found
        portfolios.given().landlordAccount("owner" + n, PASSWORD, l.landlord, l.landlord).make();
        kr.fm.arrears.support.Browser owner = new kr.fm.arrears.support.Browser(port);
        owner.signIn("owner" + n, PASSWORD);
        assertThat(owner.page(page).body()).contains("기업은행 010-1234-5678-90").doesNotContain("id=\"bank-account-form\"");
        assertThat(owner.postForm(page + "/bank-account", Map.of("bankName", "국민은행", "bankAccount", "123-45-6789-012",
                "accountHolder", "누구", "reason", "바꿔치기"), true)).isEqualTo(403);
        long other = jdbc.sql("SELECT min(id) FROM landlord WHERE id <> ?").param(l.landlordId).query(Long.class).single();
        assertThat(owner.page("/landlords/" + other).status()).isEqualTo(404);
    }

    @Test
    void a_wrong_account_is_refused_naming_each_field_and_changes_nothing() {
        Lease l = leaseOfALandlordWithoutAnAccount();
        long caseId = firstReminder(l);

        Api.Response refused = manager.putJson("/api/landlords/" + l.landlordId + "/bank-account",
                Map.of("bankName", " ", "bankAccount", "110-23x-567", "accountHolder", l.landlord, "reason", "통장 사본"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("bankName", "bankAccount");
        assertThat(refused.body().toString()).contains("계좌번호는 숫자 6~20자리와 하이픈(-)으로 입력하세요");
        assertThat(manager.putJson("/api/landlords/" + l.landlordId + "/bank-account", Map.of("bankName", "기업은행",
                "bankAccount", "010-1234-5678-90", "accountHolder", l.landlord)).body().get("errors"))
                .extracting(e -> e.get("field").asText()).containsExactly("reason");
        assertThat(api.get("/api/landlords/" + l.landlordId).body().get("bankAccount").isNull()).isTrue();
        assertThat(messages(caseId)).extracting(Message::state).containsOnly(MessageState.HELD);
        // a landlord's own account cannot be changed by the landlord, nor by anyone for an unknown landlord
        assertThat(manager.putJson("/api/landlords/999999/bank-account", Map.of("bankName", "기업은행",
                "bankAccount", "010-1234-5678-90", "accountHolder", "누구", "reason", "사유")).status()).isEqualTo(404);
    }

    record Lease(long id, String code, long landlordId, String landlord) {}

    /** A landlord of its own with no account on file, and one lease of 1,210,000 a month due on the 10th from April. */
    private Lease leaseOfALandlordWithoutAnAccount() {
        n++;
        String name = "무계좌산업" + n;
        long landlord = portfolio.landlord(new NewLandlord(name, null, "경기도 안산시", null, null, null, null, null), "test");
        long building = portfolio.building(new NewBuilding(landlord, name + " 공장", "경기도 안산시", List.of()), "test");
        Portfolios.Tenant t = Portfolios.tenantNo(900 + n, "보류테크" + n + "(주)");
        long tenant = portfolio.tenant(new kr.fm.arrears.ledger.NewTenant(t.name(), t.businessNo(), t.representative(), t.phone(),
                "held" + n + "@boryu.example", "경기도 안산시"), "test");
        String code = "HOLD-" + n;
        long lease = portfolio.lease(new NewLease(code, tenant, building, List.of("10" + n), LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 3, 31), 1_000_000L, 100_000L, 10_000_000L, 10, true, null, true, false), "test");
        return new Lease(lease, code, landlord, name);
    }

    /** The run of 15 April takes the lease's case to the first reminder, by SMS and e-mail. */
    private long firstReminder(Lease l) {
        LocalDate day = LocalDate.of(2026, 4, 15);
        long caseId = caseAt(l.id, Stage.REMINDER_1, day);
        ladder(l.id, Stage.REMINDER_1, Channel.SMS, Channel.EMAIL);
        publish(new StageReached(caseId, l.id, Stage.REMINDER_1, day));
        return caseId;
    }
}

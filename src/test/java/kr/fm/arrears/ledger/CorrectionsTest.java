package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.messaging.Dispatcher;
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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC "Corrections": nothing in the ledger is deleted, and the arrears are always those of the corrected
 * ledger. Every lease here is {@link Portfolios#lease}'s default unless said otherwise: rent 1,000,000 + VAT
 * 100,000 = 1,100,000 and fee 100,000 + VAT 10,000 = 110,000, so 1,210,000 a month, due on the 10th from
 * March 2026. Made on the test clock's 15 April 2026, each has its charges of March, April and (the month
 * ahead) May. A MANAGER, 김관리, makes the corrections; the owner's account may only look.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsTest {

    static final String MANAGER = "kim";
    static final String OWNER = "hanul-owner";
    static final String PASSWORD = "corrections-test-password";

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired Dispatcher dispatcher;
    @Autowired AuditVerifier auditVerifier;

    Api manager;
    Api owner;

    @BeforeAll
    void accounts() {
        // the landlord comes with its first lease, so that the owner's account is linked to it
        portfolios.given().lease(Portfolios.lease("ZZ-100").unit("100")).manager(MANAGER, PASSWORD, "김관리")
                .landlordAccount(OWNER, PASSWORD, Portfolios.HANUL.name(), "한울산업개발").make();
        manager = api.as(MANAGER, PASSWORD);
        owner = api.as(OWNER, PASSWORD);
    }

    @BeforeEach
    void wednesdayMorning() {
        clock.set(LocalDate.of(2026, 4, 15));
    }

    @AfterAll
    void theChainHolds() {
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    void a_rent_increase_from_may_reissues_mays_rent_at_the_new_amount_and_march_and_april_keep_theirs() {
        long lease = lease("RI-101", "101");
        // before: 15 April owes March and April, 2 × 1,210,000; on 11 May May's 1,210,000 is overdue too
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_420_000);
        assertThat(overdue(lease, "2026-05-11")).isEqualTo(3_630_000);

        Api.Response changed = manager.postJson("/api/leases/" + lease + "/terms",
                Map.of("fromMonth", "2026-05", "monthlyRent", 1_200_000, "reason", "임대료 인상 합의 (2026-04-01 합의서)"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        // the history keeps the agreed terms as its first row
        assertThat(changed.body()).extracting(t -> t.get("fromMonth").asText() + " " + t.get("monthlyRent").asLong() + " "
                + t.get("managementFee").asLong() + " " + t.get("dueDay").asInt() + " " + t.get("reason").asText())
                .containsExactly("2026-03 1000000 100000 10 계약 당초 조건",
                        "2026-05 1200000 100000 10 임대료 인상 합의 (2026-04-01 합의서)");

        // May's rent was issued on 15 April at 1,100,000: cancelled (kept) and issued again at 1,200,000 + 120,000
        assertThat(charges(lease)).containsExactly(
                "2026-03 RENT 2026-03-10 1100000", "2026-03 MANAGEMENT_FEE 2026-03-10 110000",
                "2026-04 RENT 2026-04-10 1100000", "2026-04 MANAGEMENT_FEE 2026-04-10 110000",
                "2026-05 RENT 2026-05-10 1100000 취소: 임대 조건 변경 (2026-05부터): 임대료 인상 합의 (2026-04-01 합의서)",
                "2026-05 MANAGEMENT_FEE 2026-05-10 110000",
                "2026-05 RENT 2026-05-10 1320000");
        // after: nothing changes before May; on 11 May 1,210,000 + 1,210,000 + (1,320,000 + 110,000) = 3,850,000
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_420_000);
        assertThat(overdue(lease, "2026-05-11")).isEqualTo(3_850_000);
        assertThat(overdueLines(lease, "2026-05-11")).containsExactly("2026-03-10 RENT 1100000", "2026-03-10 MANAGEMENT_FEE 110000",
                "2026-04-10 RENT 1100000", "2026-04-10 MANAGEMENT_FEE 110000", "2026-05-10 RENT 1320000",
                "2026-05-10 MANAGEMENT_FEE 110000");
        assertThat(api.get("/api/leases/" + lease).body().get("monthlyRent").asLong()).isEqualTo(1_200_000);
        // months of rent owed count at the rent (with VAT) of the as-of date: on 15 April 2 × 1,100,000 / 1,100,000
        // = 2.00, not / 1,320,000 = 1.66 (a rent not yet in force); on 11 May (2 × 1,100,000 + 1,320,000) / 1,320,000
        // = 2.66 (two decimals, rounded down)
        assertThat(months(lease, "2026-04-15")).isEqualByComparingTo("2.00");
        assertThat(months(lease, "2026-05-11")).isEqualByComparingTo("2.66");

        // charges generated from then on use the new rent: June's, made on 1 June
        clock.set(LocalDate.of(2026, 6, 1));
        assertThat(api.postJson("/api/charges/generate?month=2026-06", Map.of()).status()).isEqualTo(200);
        assertThat(charges(lease)).endsWith("2026-06 RENT 2026-06-10 1320000", "2026-06 MANAGEMENT_FEE 2026-06-10 110000");

        // the due day moves to the 25th from June: June's two charges move, May's stay on the 10th
        Api.Response dueDay = manager.postJson("/api/leases/" + lease + "/terms",
                Map.of("fromMonth", "2026-06", "dueDay", 25, "reason", "임차인 결제일 변경 요청"));
        assertThat(dueDay.status()).as(dueDay.body().toString()).isEqualTo(200);
        List<String> after = charges(lease).stream().filter(c -> !c.contains("취소")).toList();
        assertThat(after).containsExactly(
                "2026-03 RENT 2026-03-10 1100000", "2026-03 MANAGEMENT_FEE 2026-03-10 110000",
                "2026-04 RENT 2026-04-10 1100000", "2026-04 MANAGEMENT_FEE 2026-04-10 110000",
                "2026-05 MANAGEMENT_FEE 2026-05-10 110000", "2026-05 RENT 2026-05-10 1320000",
                "2026-06 MANAGEMENT_FEE 2026-06-25 110000", "2026-06 RENT 2026-06-25 1320000",
                // the change made the charges up to the month ahead, as a new lease gets them
                "2026-07 RENT 2026-07-25 1320000", "2026-07 MANAGEMENT_FEE 2026-07-25 110000");
        // on 20 June March to May are overdue (1,210,000 × 2 + 1,430,000 = 3,850,000), June not yet
        assertThat(overdue(lease, "2026-06-20")).isEqualTo(3_850_000);
        assertThat(overdue(lease, "2026-06-26")).isEqualTo(3_850_000 + 1_430_000);

        assertThat(audit(lease, "LEASE_TERMS_CHANGED")).containsExactly(
                "kim: 임대료 인상 합의 (2026-04-01 합의서)", "kim: 임차인 결제일 변경 요청");
        assertThat(audit(lease, "CHARGE_CANCELLED")).hasSize(3).allMatch(a -> a.startsWith("kim: 임대 조건 변경"));
        // issued by the corrections: May's rent, June's two again, and July's two made up to the month ahead
        assertThat(audit(lease, "CHARGE_CREATED")).filteredOn(a -> a.startsWith("kim")).hasSize(5);
    }

    @Test
    void a_terms_change_outside_the_lease_or_without_a_reason_is_refused_naming_the_fields_and_changes_nothing() {
        long lease = lease("RI-102", "102");
        Api.Response bad = manager.postJson("/api/leases/" + lease + "/terms",
                Map.of("fromMonth", "2030-01", "monthlyRent", 1_200_000, "dueDay", 32, "reason", " "));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("dueDay", "fromMonth", "reason");
        assertThat(bad.body().get("errors").get(2).get("message").asText()).isEqualTo("사유를 입력하세요");
        assertThat(charges(lease)).hasSize(6).noneMatch(c -> c.contains("취소"));
        assertThat(manager.get("/api/leases/" + lease + "/terms").body()).hasSize(1);
    }

    @Test
    void an_early_move_out_cancels_the_charges_due_after_it_and_stops_generation_while_the_arrears_before_stay_owed() {
        long lease = lease("MO-103", "103");
        pay(lease, "MO-BANK-1", "2026-03-10", 1_210_000); // March paid on time
        // before: on 11 May April and May are owed, 2 × 1,210,000
        assertThat(overdue(lease, "2026-05-11")).isEqualTo(2_420_000);

        Api.Response out = manager.postJson("/api/leases/" + lease + "/move-out",
                Map.of("moveOutOn", "2026-04-30", "reason", "4월 말 퇴거, 명도 완료"));
        assertThat(out.status()).as(out.body().toString()).isEqualTo(200);
        assertThat(out.body().get("endDate").asText()).isEqualTo("2026-04-30");

        // May's charges fall due after the move-out: cancelled, still listed
        assertThat(charges(lease)).containsExactly(
                "2026-03 RENT 2026-03-10 1100000", "2026-03 MANAGEMENT_FEE 2026-03-10 110000",
                "2026-04 RENT 2026-04-10 1100000", "2026-04 MANAGEMENT_FEE 2026-04-10 110000",
                "2026-05 RENT 2026-05-10 1100000 취소: 조기 종료 (퇴거일 2026-04-30): 4월 말 퇴거, 명도 완료",
                "2026-05 MANAGEMENT_FEE 2026-05-10 110000 취소: 조기 종료 (퇴거일 2026-04-30): 4월 말 퇴거, 명도 완료");
        // after: on 11 May only April is owed, 1,210,000: the tenant still owes what fell due before leaving
        assertThat(overdue(lease, "2026-05-11")).isEqualTo(1_210_000);
        assertThat(overdueLines(lease, "2026-05-11")).containsExactly("2026-04-10 RENT 1100000", "2026-04-10 MANAGEMENT_FEE 110000");

        // June's generation has nothing for it
        clock.set(LocalDate.of(2026, 6, 1));
        api.postJson("/api/charges/generate?month=2026-06", Map.of());
        assertThat(charges(lease)).hasSize(6);

        // a move-out on or after the end, or before the start, is no early end
        Api.Response late = manager.postJson("/api/leases/" + lease + "/move-out", Map.of("moveOutOn", "2026-05-31", "reason", "정정"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().get("errors").get(0).get("field").asText()).isEqualTo("moveOutOn");

        assertThat(audit(lease, "LEASE_ENDED_EARLY")).containsExactly("kim: 4월 말 퇴거, 명도 완료");
        assertThat(audit(lease, "CHARGE_CANCELLED")).hasSize(2);
    }

    @Test
    void a_payment_booked_to_the_wrong_lease_is_reversed_there_and_rebooked_and_reimporting_it_changes_nothing() {
        long wrong = lease("PA-104", "104");
        long right = lease(Portfolios.lease("PB-105").unit("105").tenant(Portfolios.MIRAE));
        long payment = pay(wrong, "NH-20260310-7", "2026-03-10", 1_210_000);
        // before: the wrong lease has March paid, April owed (1,210,000); the right one owes March and April (2,420,000)
        assertThat(overdue(wrong, "2026-04-15")).isEqualTo(1_210_000);
        assertThat(overdue(right, "2026-04-15")).isEqualTo(2_420_000);

        Api.Response rebooked = manager.postJson("/api/payments/" + payment + "/rebook",
                Map.of("leaseId", right, "reason", "미래테크 입금을 대성정밀에 잘못 잡음"));
        assertThat(rebooked.status()).as(rebooked.body().toString()).isEqualTo(200);
        JsonNode moved = rebooked.body().get("payments").get(0);
        assertThat(moved.get("bankReference").asText()).isEqualTo("NH-20260310-7/R" + payment);
        assertThat(moved.get("rebookedFrom").asLong()).isEqualTo(payment);
        assertThat(moved.get("paidOn").asText()).isEqualTo("2026-03-10");

        // after: the wrong lease owes March and April again (2,420,000), the right one only April (1,210,000)
        assertThat(overdue(wrong, "2026-04-15")).isEqualTo(2_420_000);
        assertThat(overdue(right, "2026-04-15")).isEqualTo(1_210_000);
        assertThat(overdueLines(right, "2026-04-15")).containsExactly("2026-04-10 RENT 1100000", "2026-04-10 MANAGEMENT_FEE 110000");
        JsonNode kept = api.get("/api/leases/" + wrong + "/payments").body().get(0);
        assertThat(kept.get("reversed").asBoolean()).isTrue();
        assertThat(kept.get("reversalReason").asText()).isEqualTo("다른 계약(PB-105)으로 옮김: 미래테크 입금을 대성정밀에 잘못 잡음");

        // the bank export imported again: its reference is on file, so nothing is booked twice
        Map<String, Object> again = Map.of("bankReference", "NH-20260310-7", "paidOn", "2026-03-10", "amount", 1_210_000);
        assertThat(api.postJson("/api/leases/" + wrong + "/payments", again).status()).isEqualTo(200);
        assertThat(overdue(wrong, "2026-04-15")).isEqualTo(2_420_000);
        assertThat(overdue(right, "2026-04-15")).isEqualTo(1_210_000);
        assertThat(manager.postJson("/api/payments/" + payment + "/rebook", Map.of("leaseId", right, "reason", "다시")).status())
                .isEqualTo(409);

        // a cheque that bounced: April's payment of the right lease reversed; it owes April again
        long april = pay(right, "NH-20260410-2", "2026-04-10", 1_210_000);
        assertThat(overdue(right, "2026-04-15")).isZero();
        Api.Response reversed = manager.postJson("/api/payments/" + april + "/reverse", Map.of("reason", "부도 처리된 입금"));
        assertThat(reversed.status()).isEqualTo(200);
        assertThat(overdue(right, "2026-04-15")).isEqualTo(1_210_000);
        assertThat(manager.postJson("/api/payments/" + april + "/reverse", Map.of("reason", "부도")).status()).isEqualTo(409);
        assertThat(manager.postJson("/api/payments/999999/reverse", Map.of("reason", "없는 입금")).status()).isEqualTo(404);
        assertThat(owner.postJson("/api/payments/" + april + "/rebook", Map.of("leaseId", wrong, "reason", "주인")).status())
                .isEqualTo(403);

        assertThat(audit(wrong, "PAYMENT_REVERSED")).containsExactly("kim: 다른 계약(PB-105)으로 옮김: 미래테크 입금을 대성정밀에 잘못 잡음");
        assertThat(audit(right, "PAYMENT_REBOOKED")).containsExactly("kim: 미래테크 입금을 대성정밀에 잘못 잡음");
        assertThat(audit(right, "PAYMENT_REVERSED")).containsExactly("kim: 부도 처리된 입금");
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE lease_id = ANY(?)").param(new Long[] {wrong, right})
                .query(Long.class).single()).as("nothing deleted").isEqualTo(3);
    }

    @Test
    void a_wrongly_imported_charge_is_cancelled_with_a_reason_leaves_the_balance_and_stays_listed() {
        long lease = lease("CC-106", "106");
        Api.Response imported = api.postJson("/api/leases/" + lease + "/charges", Map.of("kind", "ELECTRICITY", "period", "2026-03",
                "dueDate", "2026-03-25", "amount", 300_000, "vat", 30_000));
        assertThat(imported.status()).isEqualTo(201);
        long electricity = chargeId(lease, "ELECTRICITY");
        // before: March 1,210,000 + its electricity 330,000 + April 1,210,000 = 2,750,000
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_750_000);

        Api.Response cancelled = manager.postJson("/api/charges/" + electricity + "/cancel", Map.of("reason", "다른 호실 전기요금이 잘못 들어옴"));
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        // after: 2,750,000 − 330,000 = 2,420,000; the row stays, marked
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_420_000);
        assertThat(overdueLines(lease, "2026-04-15")).containsExactly("2026-03-10 RENT 1100000", "2026-03-10 MANAGEMENT_FEE 110000",
                "2026-04-10 RENT 1100000", "2026-04-10 MANAGEMENT_FEE 110000");
        assertThat(charges(lease)).contains("2026-03 ELECTRICITY 2026-03-25 330000 취소: 다른 호실 전기요금이 잘못 들어옴").hasSize(7);

        // the right bill takes its place: 200,000 + 20,000, so 2,420,000 + 220,000 = 2,640,000
        assertThat(api.postJson("/api/leases/" + lease + "/charges", Map.of("kind", "ELECTRICITY", "period", "2026-03",
                "dueDate", "2026-03-25", "amount", 200_000, "vat", 20_000)).status()).isEqualTo(201);
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_640_000);

        // April's fee generated by mistake (waived): cancelled, and generating April again does not bring it back
        long aprilFee = jdbc.sql("SELECT id FROM charge WHERE lease_id = ? AND kind = 'MANAGEMENT_FEE' AND period = '2026-04-01'")
                .param(lease).query(Long.class).single();
        assertThat(manager.postJson("/api/charges/" + aprilFee + "/cancel", Map.of("reason", "4월 관리비 면제 합의")).status())
                .isEqualTo(200);
        api.postJson("/api/charges/generate?month=2026-04", Map.of());
        assertThat(overdue(lease, "2026-04-15")).isEqualTo(2_640_000 - 110_000);

        Api.Response twice = manager.postJson("/api/charges/" + electricity + "/cancel", Map.of("reason", "다시"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(manager.postJson("/api/charges/999999/cancel", Map.of("reason", "없는 청구")).status()).isEqualTo(404);
        Api.Response noReason = manager.postJson("/api/charges/" + aprilFee + "/cancel", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(owner.postJson("/api/charges/" + electricity + "/cancel", Map.of("reason", "주인")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM charge WHERE lease_id = ?").param(lease).query(Long.class).single())
                .as("nothing deleted").isEqualTo(8);

        assertThat(audit(lease, "CHARGE_CANCELLED")).containsExactly("kim: 다른 호실 전기요금이 잘못 들어옴", "kim: 4월 관리비 면제 합의");
    }

    @Test
    void a_tenants_contacts_its_payer_aliases_and_the_deposit_are_corrected_with_a_reason_each_audited() {
        long lease = lease(Portfolios.lease("TC-107").unit("107").tenant(new Portfolios.Tenant("(주)새한금속", "137-81-00000",
                "박새한", "010-4444-1111", "office@saehan.example", "경기도 화성시 향남읍 107호")));
        long tenant = api.get("/api/leases/" + lease).body().get("tenantId").asLong();

        Api.Response bad = manager.send(HttpMethod.PATCH, "/api/tenants/" + tenant, Map.of(),
                Map.of("phone", "010-12", "email", "not-mail", "reason", "연락처 변경"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("email", "phone");
        Api.Response fixed = manager.send(HttpMethod.PATCH, "/api/tenants/" + tenant, Map.of(),
                Map.of("phone", "010-4444-2222", "representative", "박대표", "reason", "대표 변경 통지 (2026-04-14)"));
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        assertThat(fixed.body().get("phone").asText()).isEqualTo("+821044442222");
        assertThat(fixed.body().get("representative").asText()).isEqualTo("박대표");
        assertThat(fixed.body().get("email").asText()).as("left out, left as it was").isEqualTo("office@saehan.example");
        assertThat(owner.send(HttpMethod.PATCH, "/api/tenants/" + tenant, Map.of(), Map.of("phone", "010-1111-1111", "reason", "x"))
                .status()).isEqualTo(403);
        assertThat(manager.send(HttpMethod.PATCH, "/api/tenants/999999", Map.of(), Map.of("reason", "x")).status()).isEqualTo(404);

        Api.Response alias = manager.postJson("/api/leases/" + lease + "/payer-aliases", Map.of("payer", "박새한 ", "reason", "대표 개인 계좌 입금"));
        assertThat(alias.status()).as(alias.body().toString()).isEqualTo(200);
        assertThat(alias.body()).extracting(a -> a.get("alias").asText()).containsExactly("박새한");
        assertThat(owner.get("/api/leases/" + lease + "/payer-aliases").body()).hasSize(1);
        assertThat(manager.postJson("/api/leases/" + lease + "/payer-aliases/remove", Map.of("alias", "박새한", "reason", "잘못 배운 이름"))
                .body()).isEmpty();

        Api.Response deposit = manager.send(HttpMethod.PATCH, "/api/leases/" + lease + "/deposit", Map.of(),
                Map.of("deposit", 12_000_000, "reason", "보증금 2,000,000원 추가 입금"));
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(api.get("/api/arrears/leases/" + lease).body().get("deposit").get("deposit").asLong()).isEqualTo(12_000_000);

        assertThat(jdbc.sql("SELECT actor || ': ' || reason || ' ' || details FROM audit_event WHERE action = 'TENANT_CORRECTED' AND subject_id = ?")
                .param(String.valueOf(tenant)).query(String.class).list()).singleElement().asString()
                .startsWith("kim: 대표 변경 통지 (2026-04-14) ").contains("+821044441111").contains("+821044442222").contains("박새한");
        assertThat(audit(lease, "PAYER_ALIAS_ADDED")).containsExactly("kim: 대표 개인 계좌 입금");
        assertThat(audit(lease, "PAYER_ALIAS_REMOVED")).containsExactly("kim: 잘못 배운 이름");
        assertThat(audit(lease, "LEASE_DEPOSIT_CHANGED")).containsExactly("kim: 보증금 2,000,000원 추가 입금");
    }

    /**
     * SPEC "Send only what is still true": Saturday 28 March 2026 at 22:00 a run takes the case to the final
     * reminder (18 days after 10 March), held by the night and Sunday. On Sunday a MANAGER finds that March was
     * rent-free and cancels its two charges: the balance is 0. At Monday 08:00 the reminders are cancelled as
     * PAID by the send-time check, and Monday's run resolves the case.
     */
    @Test
    void a_case_whose_balance_a_correction_brings_to_zero_resolves_at_the_next_run_and_its_waiting_reminders_are_cancelled() {
        clock.set(LocalDateTime.of(2026, 3, 28, 22, 0));
        long lease = lease("RS-108", "108");
        run("2026-03-28");
        long caseId = jdbc.sql("SELECT id FROM arrears_case WHERE lease_id = ?").param(lease).query(Long.class).single();
        assertThat(api.get("/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("FINAL_REMINDER");
        assertThat(messages(lease)).containsOnly("QUEUED ").isNotEmpty();
        // before: March's 1,210,000 overdue
        assertThat(overdue(lease, "2026-03-28")).isEqualTo(1_210_000);

        clock.set(LocalDateTime.of(2026, 3, 29, 10, 0));
        for (String kind : List.of("RENT", "MANAGEMENT_FEE")) {
            assertThat(manager.postJson("/api/charges/" + chargeId(lease, kind, "2026-03-01") + "/cancel",
                    Map.of("reason", "3월은 무상 임대 기간 (계약서 특약 제3조)")).status()).isEqualTo(200);
        }
        // after: 1,210,000 − 1,100,000 − 110,000 = 0
        assertThat(overdue(lease, "2026-03-29")).isZero();
        assertThat(overdueLines(lease, "2026-03-29")).isEmpty();

        clock.set(LocalDateTime.of(2026, 3, 30, 8, 0));
        dispatcher.drain();
        assertThat(messages(lease)).containsOnly("CANCELLED PAID").isNotEmpty();

        clock.set(LocalDateTime.of(2026, 3, 30, 9, 0));
        run("2026-03-30");
        JsonNode resolved = api.get("/api/cases/" + caseId).body();
        assertThat(resolved.get("stage").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("closedOn").asText()).isEqualTo("2026-03-30");
        assertThat(audit(lease, "CHARGE_CANCELLED")).containsExactly("kim: 3월은 무상 임대 기간 (계약서 특약 제3조)",
                "kim: 3월은 무상 임대 기간 (계약서 특약 제3조)");
    }

    // ---- helpers

    private long lease(String code, String unit) {
        return lease(Portfolios.lease(code).unit(unit));
    }

    private long lease(Portfolios.Lease lease) {
        return portfolios.given().lease(lease).make().leaseId(lease.code());
    }

    private long pay(long lease, String reference, String paidOn, long amount) {
        Api.Response r = api.postJson("/api/leases/" + lease + "/payments",
                Map.of("bankReference", reference, "paidOn", paidOn, "amount", amount));
        assertThat(r.status()).isEqualTo(201);
        return jdbc.sql("SELECT id FROM payment WHERE bank_reference = ?").param(reference).query(Long.class).single();
    }

    private void run(String date) {
        Api.Response run = api.postJson("/api/escalation/runs", Map.of("businessDate", date, "dryRun", false));
        assertThat(run.status()).as("run %s: %s", date, run.body()).isEqualTo(201);
    }

    private long overdue(long lease, String asOf) {
        return api.get("/api/arrears/leases/" + lease + "?asOf=" + asOf).body().get("arrears").get("overdueBalance").asLong();
    }

    private java.math.BigDecimal months(long lease, String asOf) {
        return api.get("/api/arrears/leases/" + lease + "?asOf=" + asOf).body().get("arrears").get("arrearsMonths").decimalValue();
    }

    /** The overdue charge lines the arrears show: due date, kind, outstanding. */
    private List<String> overdueLines(long lease, String asOf) {
        List<String> lines = new ArrayList<>();
        api.get("/api/arrears/leases/" + lease + "?asOf=" + asOf).body().get("arrears").get("charges")
                .forEach(c -> lines.add(c.get("dueDate").asText() + " " + c.get("kind").asText() + " " + c.get("outstanding").asLong()));
        return lines;
    }

    /** Every charge of the lease as listed: month, kind, due date, total and, if cancelled, why. */
    private List<String> charges(long lease) {
        List<String> lines = new ArrayList<>();
        api.get("/api/leases/" + lease + "/charges").body().forEach(c -> lines.add(c.get("period").asText() + " "
                + c.get("kind").asText() + " " + c.get("dueDate").asText() + " " + c.get("total").asLong()
                + (c.get("cancelled").asBoolean() ? " 취소: " + c.get("cancelReason").asText() : "")));
        return lines;
    }

    private long chargeId(long lease, String kind) {
        return jdbc.sql("SELECT id FROM charge WHERE lease_id = ? AND kind = ?").params(lease, kind).query(Long.class).single();
    }

    private long chargeId(long lease, String kind, String period) {
        return jdbc.sql("SELECT id FROM charge WHERE lease_id = ? AND kind = ? AND period = CAST(? AS DATE)")
                .params(lease, kind, period).query(Long.class).single();
    }

    private List<String> messages(long lease) {
        return jdbc.sql("SELECT state || ' ' || coalesce(cancel_reason, '') FROM message WHERE lease_id = ? ORDER BY id")
                .param(lease).query(String.class).list();
    }

    /** "actor: reason" of the lease's audit events of one action, in order. */
    private List<String> audit(long lease, String action) {
        return jdbc.sql("SELECT actor || ': ' || coalesce(reason, '') FROM audit_event WHERE lease_id = ? AND action = ? ORDER BY id")
                .params(lease, action).query(String.class).list();
    }
}

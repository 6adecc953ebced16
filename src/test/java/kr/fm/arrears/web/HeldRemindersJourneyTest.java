package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: 동해산업 was imported without a bank account, so the 15 April run's reminders to its
 * tenant are held. A MANAGER follows the board's "입금 계좌 없음" entry to the landlord's page, enters the
 * account, and the reminders are released, now showing it.
 */
@ServiceTest
class HeldRemindersJourneyTest extends ChromiumJourney {

    static final String PASSWORD = "held-journey-password";
    static final Portfolios.Landlord DONGHAE = new Portfolios.Landlord("동해산업", "214-86-71525", "강원특별자치도 동해시 북평공단로 3",
            "033-530-0800", null, null, null);
    static final Portfolios.Building PLANT = new Portfolios.Building(DONGHAE, "동해 북평공장", "강원특별자치도 동해시 북평공단로 3");

    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;

    @Test
    void a_manager_follows_the_board_to_the_landlord_sets_the_account_and_the_held_reminders_go_out_with_it() {
        // 1,210,000 a month due on the 10th from April, nothing paid: on 15 April it is 5 days overdue, the first reminder
        Portfolios.Given given = portfolios.given().lease(Portfolios.lease("DH-101").in(PLANT)
                        .from(LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31)))
                .manager("park", PASSWORD, "박관리").escalatedOn(LocalDate.of(2026, 4, 15)).make();
        long lease = given.leaseId("DH-101");
        long held = jdbc.sql("SELECT count(*) FROM message WHERE lease_id = ? AND state = 'HELD'").param(lease)
                .query(Long.class).single();
        assertThat(held).as("the run's reminders, held").isPositive();

        browser.signIn("park", PASSWORD);
        browser.open("/board");
        assertThat(browser.text("#attention")).contains("동해산업: 입금 계좌가 없습니다 (안내문에 계좌를 적을 수 없음) · 보류된 안내 "
                + held + "건");
        browser.find("#attention a.attention-link[href^='/landlords/']").click();
        browser.until(ExpectedConditions.urlContains("/landlords/"));
        assertThat(browser.text("#bank-account")).contains("미등록");
        assertThat(browser.text("#held")).contains("보류된 안내 " + held + "건", "DH-101");
        browser.screenshot("landlord-held");

        browser.find("#bank-name").sendKeys("농협은행");
        browser.find("#bank-account-no").sendKeys("301-0123-4567-81");
        browser.find("#account-holder").sendKeys("동해산업(주)");
        browser.find("#bank-account-reason").sendKeys("임대인 통장 사본 수령");
        browser.submit("#save-bank-account");

        assertThat(browser.text(".flash.ok")).contains("입금 계좌를 저장했습니다. 보류된 안내 " + held + "건은 다시 확인해 보냅니다");
        assertThat(browser.text("#bank-account")).contains("농협은행 301-0123-4567-81 (예금주 동해산업(주))");
        assertThat(browser.text("#held")).contains("보류된 안내 0건");
        browser.screenshot("landlord-account-set");
        assertThat(jdbc.sql("SELECT body FROM message WHERE lease_id = ? AND state = 'QUEUED'").param(lease)
                .query(String.class).list()).hasSize((int) held).allMatch(b -> b.contains("농협은행 301-0123-4567-81"));
    }
}

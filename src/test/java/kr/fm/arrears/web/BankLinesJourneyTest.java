package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.fm.arrears.imports.StatementExamples;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: a MANAGER uploads 한울산업개발's KB statement, sees the deposit its rules could not
 * place (the representative paid under his own name), assigns it from the suggestions with one click,
 * and the case's balance goes down by it.
 */
@ServiceTest
class BankLinesJourneyTest extends ChromiumJourney {

    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Test
    void a_manager_uploads_a_statement_assigns_the_waiting_deposit_and_the_balance_goes_down() throws Exception {
        portfolios.twoLandlords(); // 1 May 2026: HW-101 (주)대성정밀 owes 6,260,000원
        long hw101 = portfolios.openCase("HW-101");
        browser.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        browser.open("/cases/" + hw101);
        assertThat(browser.text("#balance")).startsWith("6,260,000원");

        StatementExamples.Example kb = StatementExamples.all().get(0);
        Path file = Files.createTempDirectory("statement").resolve(kb.file());
        Files.write(file, StatementExamples.bytes(kb));
        browser.open("/bank-lines");
        new Select(browser.find("#upload-account")).selectByValue(StatementExamples.ACCOUNT_A);
        browser.driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        browser.submit("#upload");

        assertThat(browser.text(".flash.ok")).contains("KB국민은행", "자동 매칭 3건", "확인 필요 2건");
        assertThat(browser.all("#automatic tbody tr")).hasSize(3);
        WebElement line = browser.find("tr.bank-line[data-payer='김대성']");
        assertThat(line.getText()).contains("3,630,000원");
        browser.screenshot("bank-lines");

        browser.open("/cases/" + hw101);
        // the deposit under the tenant's own name and the monthly total was applied by itself
        assertThat(browser.text("#balance")).startsWith("2,630,000원");

        browser.open("/bank-lines");
        browser.submit("tr.bank-line[data-payer='김대성'] button.assign[data-lease='HW-101']");
        assertThat(browser.text(".flash.ok")).contains("HW-101", "3,630,000원", "입금자명을 기억합니다");
        assertThat(browser.all("tr.bank-line[data-payer='김대성']")).isEmpty();

        browser.open("/cases/" + hw101);
        assertThat(browser.text("#balance")).startsWith("0원");
    }
}

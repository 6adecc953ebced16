package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.TestClock;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team starts on an empty install (no demo profile: only the ADMIN exists) and takes a termination
 * notice from nothing to its delivery, every step in the pages of a real browser: the ADMIN opens two
 * MANAGER accounts, imports the example leases (which make the landlord) and payments, opens the
 * landlord's account and runs the escalation for the day; the first MANAGER sends the run's
 * termination for approval, the LANDLORD consents from the portal seeing the notice, the second
 * MANAGER approves, and the first records the posting and the delivery. Screenshots go to
 * docs/screenshots.
 */
@ServiceTest
class EmptyInstallJourneyTest extends ChromiumJourney {

    static final Pattern TEMPORARY = Pattern.compile("임시 비밀번호: (\\S+)");

    @Autowired Api api;
    @Autowired TestClock clock;

    @Test
    void a_new_team_takes_a_termination_notice_from_an_empty_install_to_its_delivery_through_the_pages() {
        clock.set(LocalDate.of(2026, 4, 15));
        assertThat(api.get("/api/users").body()).extracting(u -> u.get("username").asText()).containsExactly("admin");

        // the ADMIN opens the team's accounts; the landlord comes with the lease file, so its account follows the import
        browser.signIn("admin", "test-admin-password");
        String kim = openAccount("kim", "김관리", "MANAGER", null);
        String yoon = openAccount("yoon", "윤담당", "MANAGER", null);

        browser.open("/imports");
        browser.find("#lease-file").sendKeys(Path.of("docs/examples/leases.csv").toAbsolutePath().toString());
        browser.submit("#import-leases");
        assertThat(browser.text(".flash.ok")).contains("계약 파일 4줄을 가져왔습니다: 새 계약 4건");
        browser.find("#payment-file").sendKeys(Path.of("docs/examples/payments.csv").toAbsolutePath().toString());
        browser.submit("#import-payments");
        assertThat(browser.text(".flash.ok")).contains("입금 파일 8줄: 새로 기록 8건");
        browser.screenshot("team-imports");

        String hanul = openAccount("hanul", "한울산업개발", "LANDLORD", "한울산업개발");
        assertThat(browser.text("#accounts")).contains("kim", "yoon", "hanul", "임시 비밀번호");
        browser.screenshot("team-accounts");

        // the escalation for today, from its page: HW-301 owes two months' rent (민법 제640조), so its termination is drafted
        browser.open("/runs");
        assertThat(browser.find("#business-date").getAttribute("value")).isEqualTo("2026-04-15");
        browser.submit("#start-run");
        assertThat(browser.text(".flash.ok")).contains("2026년 4월 15일 실행을 마쳤습니다");
        assertThat(browser.text("#run-leases")).isEqualTo("4건");
        assertThat(browser.text("#run-errors")).isEqualTo("0건");
        browser.screenshot("team-run");
        browser.signOut();

        // the first MANAGER, at the first sign-in, chooses a password, then sends the termination for approval
        firstSignIn("kim", kim, "kim-own-password");
        browser.open("/approvals");
        browser.driver.findElements(By.cssSelector("#drafts tbody tr")).stream()
                .filter(r -> r.getText().contains("미래테크(주)") && r.getText().contains("계약 해지 통지서")).findFirst()
                .orElseThrow().findElement(By.cssSelector("a.notice-link")).click();
        browser.until(ExpectedConditions.urlMatches(".*/approvals/\\d+$"));
        long notice = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/approvals/", ""));
        browser.submit("#submit");
        assertThat(browser.text(".flash.ok")).contains("승인 요청했습니다");
        assertThat(browser.text("#notice-status")).contains("승인 대기");
        browser.signOut();

        // the LANDLORD reads the notice from the portal and consents
        firstSignIn("hanul", hanul, "hanul-own-password");
        browser.open("/");
        WebElement consent = browser.find("#awaiting-consent");
        assertThat(consent.getText()).contains("미래테크(주)", "통지서 보기");
        browser.screenshot("team-portal-consent");
        browser.open("/api/notices/" + notice + "/preview.html");
        assertThat(browser.driver.getPageSource()).contains("미래테크(주)", "해지");
        browser.open("/");
        browser.submit("#consent-" + notice);
        assertThat(browser.text(".flash.ok")).contains("해지 통지서 발송에 동의했습니다");
        browser.signOut();

        // the second MANAGER approves: the four eyes and the consent are there
        firstSignIn("yoon", yoon, "yoon-own-password");
        browser.open("/approvals/" + notice);
        assertThat(browser.text(".facts")).contains("임대인 동의", "hanul");
        browser.screenshot("team-approval");
        browser.submit("#approve");
        assertThat(browser.text(".flash.ok")).contains("승인했습니다");
        browser.signOut();

        // the first MANAGER finds it waiting for the post office, records the posting, then the delivery
        browser.signIn("kim", "kim-own-password");
        browser.open("/approvals");
        assertThat(browser.text("#to-post")).contains("미래테크(주)", "승인됨");
        browser.screenshot("team-to-post");
        browser.find("#to-post a.notice-link").click();
        browser.until(ExpectedConditions.urlContains("/approvals/" + notice));
        browser.find("#receipt-no").sendKeys("2026-0415-000123");
        browser.find("#registered-no").sendKeys("1234 5678 90123");
        browser.find("#fee").sendKeys("5870");
        browser.find("#postcode").sendKeys("18622");
        browser.submit("#record-posting");
        assertThat(browser.text(".flash.ok")).contains("등기번호 1234567890123 (1번째 발송)");

        clock.set(LocalDate.of(2026, 4, 16));
        browser.open("/approvals/" + notice);
        browser.find("#report-1 .report-receiver").sendKeys("이미래 - 본인");
        browser.submit("#report-1 .record-report");
        assertThat(browser.text(".flash.ok")).contains("1번째 발송의 배달 완료를 기록했습니다");
        assertThat(browser.text("#posting-1 .delivery")).contains("배달 완료", "2026년 4월 16일", "이미래 - 본인");
        assertThat(browser.text("#notice-status")).contains("배달 완료");
        browser.driver.executeScript("document.getElementById('post-office').scrollIntoView()");
        browser.screenshot("team-delivery");

        browser.find("a[href^='/cases/']").click();
        browser.until(ExpectedConditions.urlContains("/cases/"));
        assertThat(browser.text("#timeline")).contains("1번째 발송 · 등기번호 1234567890123", "배달 완료 · 수령인 이미래 - 본인");
        assertThat(api.get("/api/notices/" + notice).body().get("notice").get("status").asText()).isEqualTo("DELIVERED");
    }

    /** Opens an account from /admin/users and returns the temporary password the page shows once. */
    private String openAccount(String username, String name, String role, String landlord) {
        browser.open("/admin/users");
        browser.find("#new-username").sendKeys(username);
        browser.find("#new-display-name").sendKeys(name);
        new Select(browser.find("#new-role")).selectByValue(role);
        if (landlord != null) {
            new Select(browser.find("#new-landlord")).selectByVisibleText(landlord);
        }
        browser.submit("#create-account");
        Matcher m = TEMPORARY.matcher(browser.text(".flash.ok"));
        assertThat(m.find()).as("the temporary password is shown once").isTrue();
        return m.group(1);
    }

    /** Signs in with the temporary password; the page asks for a new one before anything else. */
    private void firstSignIn(String username, String temporary, String chosen) {
        browser.signIn(username, temporary);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/account/password");
        browser.find("#current-password").sendKeys(temporary);
        browser.find("#new-password").sendKeys(chosen);
        browser.find("#new-password-again").sendKeys(chosen);
        browser.submit("#change-password");
        assertThat(browser.driver.getCurrentUrl()).as("the pages open once the password is changed")
                .doesNotContain("/account/password");
    }
}

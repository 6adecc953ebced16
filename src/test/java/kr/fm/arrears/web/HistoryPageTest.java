package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The landlord's notice history page: its filters narrow the table and travel with every download link. */
@ServiceTest
class HistoryPageTest {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td data-label=\"일시\"");

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void the_filters_narrow_the_table_and_the_downloads_carry_them() {
        TwoLandlords two = portfolios.twoLandlords();
        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);

        // reminders of March and April, and three notices: one approved, two termination drafts
        String all = owner.page("/history").body();
        assertThat(all).contains("독촉", "내용증명(지급 최고)", "내용증명(계약 해지 통지)");
        // the tests run messaging in demo mode: every page says nothing really leaves
        assertThat(all).contains("시험 모드: 문자·메일이 실제로 발송되지 않습니다");

        String approved = owner.page("/history?kind=NOTICE&status=APPROVED").body();
        assertThat(ROW.matcher(approved).results().count()).isEqualTo(1);
        assertThat(approved).contains("(주)대성정밀", "PDF 2026-000001").doesNotContain("독촉");
        assertThat(approved).contains("href=\"/api/history/notices.zip?status=APPROVED&amp;kind=NOTICE\"",
                "href=\"/api/history/export.csv?status=APPROVED&amp;kind=NOTICE\"",
                "href=\"/api/history/export.xlsx?status=APPROVED&amp;kind=NOTICE\"");

        // a period after everything happened: nothing
        String later = owner.page("/history?from=2026-06-01&to=2026-06-30").body();
        assertThat(ROW.matcher(later).results().count()).isZero();
        assertThat(later).contains("조건에 맞는 이력이 없습니다");

        // a period the wrong way round is named, not a server error
        Browser.Page backwards = owner.page("/history?from=2026-05-01&to=2026-04-01");
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.body()).contains("조건을 확인하세요", "from");

        // staff pick a landlord; the downloads follow
        Browser manager = new Browser(port);
        manager.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        String seodong = manager.page("/history?landlordId=" + two.landlordB()).body();
        assertThat(seodong).contains("notices.zip?landlordId=" + two.landlordB());
        String table = seodong.substring(seodong.indexOf("id=\"history\""));
        assertThat(table).contains("그린팩토리").doesNotContain("(주)대성정밀");
    }
}

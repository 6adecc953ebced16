package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

/**
 * Bad requests of every kind answered in Korean (issue 14): the problem's title, detail and each
 * field's message a person reads are Korean, with no English sentence; the field names and codes a
 * program matches stay as they were.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KoreanProblemsTest {

    /** Three English words in a row: a sentence, not a field name, a code or "HTTP Basic". */
    static final Pattern ENGLISH_SENTENCE = Pattern.compile("[A-Za-z]+(?:'[a-z]+)?(?:[ ]+[A-Za-z]+(?:'[a-z]+)?){2,}");
    static final Pattern HANGUL = Pattern.compile("[가-힣]");

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Value("${local.server.port}") int port;
    TwoLandlords two;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords();
    }

    @Test
    void every_kind_of_bad_api_request_gets_a_korean_problem_naming_its_fields() {
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("bad 사업자등록번호 and phone", api.postJson("/api/tenants",
                Map.of("name", "(주)오류", "businessNo", "123-45-67890", "phone", "010-12-34")));
        answers.put("empty lease", api.postJson("/api/leases", Map.of()));
        answers.put("amount as a string", api.postJson("/api/leases/" + two.leaseB() + "/payments",
                Map.of("bankReference", "KR-1", "paidOn", "2026-02-02", "amount", "1000")));
        answers.put("amount zero", api.postJson("/api/leases/" + two.leaseB() + "/payments",
                Map.of("bankReference", "KR-2", "paidOn", "2026-02-02", "amount", 0)));
        answers.put("a date that does not exist", api.get("/api/arrears?asOf=2026-02-30"));
        answers.put("not JSON", api.send(HttpMethod.POST, "/api/tenants", Map.of("Content-Type", "application/json"), "{\"name\":"));
        answers.put("unknown case", api.get("/api/cases/987654321"));
        answers.put("resume a case that is not paused", api.postJson("/api/cases/" + two.caseB() + "/resume", Map.of()));
        answers.put("resend a message that did not fail", api.postJson("/api/messages/" + two.messageB() + "/resend", Map.of()));
        answers.put("import with no data rows", api.postCsv("/api/imports/payments",
                "bank_reference,paid_on,amount,lease_code,payer_name\n".getBytes(StandardCharsets.UTF_8)));
        answers.put("import with bad rows", api.postCsv("/api/imports/payments",
                ("bank_reference,paid_on,amount,lease_code,payer_name\nKR-3,2026-02-30,12.5,NO-SUCH,홍길동\n")
                        .getBytes(StandardCharsets.UTF_8)));
        answers.put("not signed in", api.anonymous().get("/api/cases"));

        answers.forEach((what, a) -> {
            assertThat(a.status()).as(what).isBetween(400, 499);
            for (String text : readable(a.body())) {
                assertThat(text).as(what + ": " + text).containsPattern(HANGUL).doesNotContainPattern(ENGLISH_SENTENCE);
            }
        });
        // what a program matches is still there
        assertThat(answers.get("bad 사업자등록번호 and phone").body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("businessNo", "phone");
        assertThat(answers.get("amount as a string").body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(answers.get("unknown case").body().get("resource").asText()).isEqualTo("case");
        assertThat(answers.get("unknown case").body().get("detail").asText()).isEqualTo("찾을 수 없는 연체 건입니다 (987654321)");
        assertThat(answers.get("resume a case that is not paused").body().get("detail").asText()).contains("멈춰 있지 않습니다");
        assertThat(answers.get("import with bad rows").body().get("errors")).extracting(e -> e.get("column").asText())
                .contains("paid_on", "amount", "lease_code");
    }

    @Test
    void a_refused_page_form_says_why_in_korean() {
        Browser kim = new Browser(port);
        kim.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        String page = "/cases/" + two.caseB();
        List<String> problems = new ArrayList<>();
        kim.postForm(page + "/pause", Map.of("until", "2000-01-01", "reason", "분할 납부 협의"), true);
        problems.add(flash(kim.page(page).body()));
        kim.postForm(page + "/resume", Map.of(), true);
        problems.add(flash(kim.page(page).body()));

        assertThat(problems.get(0)).contains("처리하지 못했습니다", "멈출 기한(until): 오늘이나 그 뒤여야 합니다");
        assertThat(problems.get(1)).contains("처리하지 못했습니다", "멈춰 있지 않습니다");
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContainPattern(ENGLISH_SENTENCE));
    }

    /** The texts of a problem a person reads: title, detail and each error's message. */
    private static List<String> readable(JsonNode problem) {
        List<String> texts = new ArrayList<>();
        texts.add(problem.path("title").asText());
        texts.add(problem.path("detail").asText());
        problem.path("errors").forEach(e -> texts.add(e.path("message").asText()));
        return texts;
    }

    private static String flash(String body) {
        int at = body.indexOf("class=\"flash bad\"");
        assertThat(at).as("a refusal on the page").isNotNegative();
        return body.substring(at, body.indexOf("</p>", at));
    }
}

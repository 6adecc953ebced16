package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** JSON that says two things, or carries a NUL, is a 400 problem naming why, and stores nothing (issue 12, row 10). */
@ServiceTest
class StrictJsonTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    record Answer(int status, String contentType, String body) {}

    Answer post(String path, String json) {
        return RestClient.create("http://localhost:" + port).method(HttpMethod.POST).uri(path)
                .headers(h -> Api.signedInAs(Api.ADMIN, Api.ADMIN_PASSWORD).forEach(h::set))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void a_key_given_twice_is_a_400_problem_naming_the_key() {
        Answer a = post("/api/landlords", "{\"name\":\"한울\",\"name\":\"서동\",\"phone\":\"031-355-1200\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).contains("같은 키가 두 번", "'name'").doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT count(*) FROM landlord").query(Long.class).single()).isZero();
    }

    @Test
    void a_nul_character_in_a_text_is_a_400_problem_naming_the_field() {
        for (String json : new String[] {"{\"name\":\"한울\\u0000산업\",\"phone\":\"031-355-1200\"}",
                "{\"name\":\"한울\",\"address\":\"\\u0000\",\"phone\":\"031-355-1200\"}"}) {
            Answer a = post("/api/landlords", json);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("NUL").doesNotContain("Exception");
        }
        assertThat(post("/api/escalation/runs", "{\"businessDate\":\"2026-04-15\",\"dryRun\":true,\"dryRun\":false}").status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM landlord").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM escalation_run").query(Long.class).single()).isZero();
    }

    @Test
    void a_json_body_over_one_megabyte_is_a_413_problem() {
        Answer a = post("/api/landlords", "{\"name\":\"" + "가".repeat(400_000) + "\"}");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }
}

package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A MANAGER imports the lease and payment files from a page; a file with bad rows changes nothing and says where. */
@ServiceTest
class ImportsPageTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void the_example_files_import_through_the_page_and_a_bad_file_is_answered_with_every_bad_row() throws Exception {
        api.postJson("/api/users", java.util.Map.of("username", "imp", "role", "MANAGER", "temporaryPassword", "imp-temp-pass"));
        api.as("imp", "imp-temp-pass").postJson("/api/me/password",
                java.util.Map.of("currentPassword", "imp-temp-pass", "newPassword", "imp-own-pass"));
        Browser manager = new Browser(port);
        manager.signIn("imp", "imp-own-pass");
        assertThat(manager.page("/imports").body()).contains("계약 가져오기", "입금 가져오기");

        String bad = "lease_code,landlord_name,building_name,units,tenant_name,tenant_business_no,tenant_phone,start_date,"
                + "end_date,monthly_rent,management_fee,deposit,due_day\n"
                + "P-1,갑을산업,갑을공장,101,좋은회사,123-45-67890,010-1111-2222,2026-01-01,2027-12-31,1000000,100000,10000000,32\n";
        assertThat(manager.postFile("/imports/leases", "file", "bad.csv", bad.getBytes(StandardCharsets.UTF_8))).isEqualTo(302);
        String answer = manager.page("/imports").body();
        assertThat(answer).contains("파일을 가져오지 않았습니다", "id=\"import-errors\"", "tenant_business_no", "due_day");
        assertThat(jdbc.sql("SELECT count(*) FROM lease").query(Long.class).single()).isZero();

        assertThat(manager.postFile("/imports/leases", "file", "leases.csv",
                Files.readAllBytes(Path.of("docs/examples/leases.csv")))).isEqualTo(302);
        assertThat(manager.page("/imports").body()).contains("새 계약 4건");
        assertThat(manager.postFile("/imports/payments", "file", "payments.csv",
                Files.readAllBytes(Path.of("docs/examples/payments.csv")))).isEqualTo(302);
        assertThat(manager.page("/imports").body()).contains("새로 기록 8건");

        Browser landlordLess = new Browser(port);
        landlordLess.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(landlordLess.postFile("/imports/payments", "file", "payments.csv",
                Files.readAllBytes(Path.of("docs/examples/payments.csv")))).isEqualTo(302);
        assertThat(landlordLess.page("/imports").body()).as("importing again changes nothing").contains("이미 있던 입금 8건");
    }
}

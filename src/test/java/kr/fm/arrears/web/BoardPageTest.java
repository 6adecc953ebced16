package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board at scale: 120 open cases, 50 a page, in the order asked for, searched and filtered, with
 * totals over every matching case (not the page) that agree with {@code GET /api/arrears}.
 *
 * <p>Lease B-000 … B-119 paid nothing. Lease i's rent is 500,000 + 10,000 × i and its fee 100,000 (both + 10% VAT),
 * due on day 1 + i mod 28 from the month {@code i / 28} months before March 2026: so every lease's oldest unpaid
 * charge falls on a different day, and on 15 April 2026 (the run, and today) no two are equally overdue. Every
 * third lease (i mod 3 = 0) is 서해산업's, whose landlord has no bank account; B-020's tenant (25 days overdue: a final
 * reminder, by text) has only a landline.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardPageTest {

    private static final int LEASES = 120;
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);
    private static final String PASSWORD = "board-test-password";
    private static final Portfolios.Landlord SEOHAE = new Portfolios.Landlord("서해산업", "214-86-71525",
            "충청남도 당진시 송악읍 부곡공단로 8", "041-357-0800", null, null, null);
    private static final Portfolios.Building SEOHAE_PLANT = new Portfolios.Building(SEOHAE, "서해 부곡공장",
            "충청남도 당진시 송악읍 부곡공단로 8");
    private static final Pattern ROW = Pattern.compile("<tr data-case=\"(\\d+)\">.*?<small class=\"lease-code\">([^<]+)</small>",
            Pattern.DOTALL);

    @Autowired
    Api api;
    @Autowired
    Portfolios portfolios;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    private Portfolios.Given given;
    private Browser manager;

    /** Lease i as the text above says. */
    private record Made(String code, String tenant, boolean seohae, LocalDate oldestDue, long balance) {}

    private final List<Made> made = new ArrayList<>();

    @BeforeAll
    void portfolio() {
        Portfolios.Builder b = portfolios.given().manager("kim", PASSWORD, "김관리")
                .landlordAccount("seohae-owner", PASSWORD, "서해산업", "서해산업")
                .landlordAccount("hanul-owner", PASSWORD, "한울산업개발", "한울산업개발");
        for (int i = 0; i < LEASES; i++) {
            LocalDate start = LocalDate.of(2026, 3, 1).minusMonths(i / 28);
            int dueDay = 1 + i % 28;
            long rent = 500_000 + 10_000L * i;
            boolean seohae = i % 3 == 0;
            Portfolios.Tenant tenant = Portfolios.tenantNo(i, String.format("임차%03d(주)", i));
            if (i == 20) {
                tenant = new Portfolios.Tenant(tenant.name(), tenant.businessNo(), tenant.representative(), "031-355-0020",
                        tenant.email(), null);
            }
            b.lease(Portfolios.lease(String.format("B-%03d", i)).in(seohae ? SEOHAE_PLANT : Portfolios.HANUL_FACTORY)
                    .unit(String.format("%d%02d", 1 + i / 40, i % 40)).tenant(tenant).from(start, LocalDate.of(2028, 2, 29))
                    .rent(rent, 100_000).dueDay(dueDay));
            // by hand: each month from the start whose due day is before today is unpaid, (rent + fee) × 1.1 each
            LocalDate first = start.withDayOfMonth(dueDay);
            long months = 0;
            for (LocalDate due = first; due.isBefore(TODAY); due = due.plusMonths(1).withDayOfMonth(dueDay)) {
                months++;
            }
            made.add(new Made(String.format("B-%03d", i), tenant.name(), seohae, first, months * (rent + 100_000) * 11 / 10));
        }
        given = b.escalatedOn(TODAY).make();
        manager = new Browser(port);
        manager.signIn("kim", PASSWORD);
    }

    @Test
    void the_second_page_holds_the_51st_to_100th_most_overdue_cases_in_order() {
        List<String> expected = made.stream().sorted(Comparator.comparing(Made::oldestDue)).map(Made::code).toList()
                .subList(50, 100);

        String page = manager.page("/board?page=2").body();

        assertThat(codes(page)).containsExactlyElementsOf(expected);
        assertThat(page).contains("id=\"open-cases\">120건", "(2/3쪽)");
        // the first page is the default: most overdue first
        assertThat(codes(manager.page("/board").body()).get(0))
                .isEqualTo(made.stream().min(Comparator.comparing(Made::oldestDue)).orElseThrow().code());
        assertThat(codes(manager.page("/board?page=3").body())).hasSize(20);
    }

    @Test
    void sorting_by_balance_tenant_or_stage_orders_every_case_not_just_a_page() {
        List<String> byBalance = made.stream().sorted(Comparator.comparingLong(Made::balance).reversed()
                .thenComparing(Made::code)).map(Made::code).toList();
        List<String> shownDesc = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            shownDesc.addAll(codes(manager.page("/board?sort=balance&dir=desc&page=" + p).body()));
        }
        assertThat(balances(shownDesc)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(shownDesc).hasSize(LEASES).containsExactlyInAnyOrderElementsOf(byBalance);
        assertThat(codes(manager.page("/board?sort=balance&dir=asc").body()).get(0))
                .isEqualTo(made.stream().min(Comparator.comparingLong(Made::balance)).orElseThrow().code());

        // tenants 임차000(주) … 임차119(주): 가나다 order is their number's
        assertThat(codes(manager.page("/board?sort=tenant").body())).containsExactlyElementsOf(
                IntStream.range(0, 50).mapToObj(i -> String.format("B-%03d", i)).toList());
        assertThat(codes(manager.page("/board?sort=tenant&dir=desc").body()).get(0)).isEqualTo("B-119");

        // furthest up the ladder first, over all three pages: 해지 통지서 before 이행 최고서 before 최종 독촉 …
        List<Integer> ranks = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            stages(manager.page("/board?sort=stage&page=" + p).body()).forEach(st -> ranks.add(LADDER.indexOf(st)));
        }
        assertThat(ranks).hasSize(LEASES).doesNotContain(-1).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ranks.get(0)).isGreaterThan(ranks.get(LEASES - 1));
    }

    @Test
    void a_search_finds_a_case_by_lease_code_tenant_or_building() {
        assertThat(codes(manager.page("/board?q=b-042").body())).containsExactly("B-042");
        assertThat(codes(manager.page("/board?q=임차077").body())).containsExactly("B-077");
        String plant = manager.page("/board?q=부곡").body();
        assertThat(plant).contains("id=\"open-cases\">40건");
        assertThat(manager.page("/board?q=nothing-like-this").body()).contains("id=\"open-cases\">0건", "조건에 맞는 연체가 없습니다");
    }

    @Test
    void filters_narrow_the_cases_and_the_totals_follow_them() {
        long seohae = given.landlordId("서해산업");
        String page = manager.page("/board?landlordId=" + seohae).body();
        assertThat(page).contains("id=\"open-cases\">40건", "id=\"total-balance\">" + won(sum(Made::seohae)));
        assertThat(codes(page)).allMatch(c -> Integer.parseInt(c.substring(2)) % 3 == 0);

        String building = manager.page("/board?buildingId=" + given.buildingId("B-001")).body();
        assertThat(building).contains("id=\"open-cases\">80건", "id=\"total-balance\">" + won(sum(m -> !m.seohae())));

        // nothing is paused yet; pausing one case puts it, alone, under "paused"
        assertThat(manager.page("/board?paused=true").body()).contains("id=\"open-cases\">0건");
        long paused = given.onlyCase("B-010");
        assertThat(api.postJson("/api/cases/" + paused + "/pause", Map.of("until", "2026-05-15", "reason", "분할 납부 협의"))
                .status()).isEqualTo(200);
        assertThat(codes(manager.page("/board?paused=true").body())).containsExactly("B-010");
        assertThat(manager.page("/board?paused=false").body()).contains("id=\"open-cases\">119건");
        assertThat(api.postJson("/api/cases/" + paused + "/resume", Map.of()).status()).isEqualTo(200);

        // stages partition the board
        long byStages = 0;
        for (String stage : List.of("REMINDER_1", "REMINDER_2", "FINAL_REMINDER", "DEMAND_NOTICE", "TERMINATION_NOTICE")) {
            byStages += count(manager.page("/board?stage=" + stage).body());
        }
        assertThat(byStages).isEqualTo(LEASES);

        // a value the board does not know is named, in Korean, and the board is shown unfiltered
        Browser.Page bad = manager.page("/board?sort=rent&stage=LATE");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("조건을 확인하세요", "sort: 정렬에 없는 값입니다", "stage: 단계에 없는 값입니다");
    }

    @Test
    void the_totals_are_every_matching_case_and_agree_with_the_arrears_api() {
        String all = manager.page("/board").body();
        assertThat(all).contains("id=\"open-cases\">120건", "id=\"total-balance\">" + won(sum(m -> true)));
        JsonNode report = api.get("/api/arrears?limit=5000").body();
        assertThat(report.get("leases").asInt()).isEqualTo(LEASES);
        assertThat(total(all)).isEqualTo(report.get("overdueBalance").asLong());

        long seohae = given.landlordId("서해산업");
        JsonNode ofSeohae = api.get("/api/arrears?limit=5000&landlordId=" + seohae).body();
        assertThat(total(manager.page("/board?landlordId=" + seohae).body())).isEqualTo(ofSeohae.get("overdueBalance").asLong());
        long building = given.buildingId("B-001");
        JsonNode ofBuilding = api.get("/api/arrears?limit=5000&buildingId=" + building).body();
        assertThat(total(manager.page("/board?buildingId=" + building).body())).isEqualTo(ofBuilding.get("overdueBalance").asLong());
    }

    @Test
    void the_strip_above_the_board_sums_every_open_case_whatever_the_filters() {
        long seohae = given.landlordId("서해산업");
        for (String page : List.of("/board", "/board?landlordId=" + seohae, "/board?q=B-042", "/board?stage=REMINDER_1&page=2")) {
            String body = manager.page(page).body();
            assertThat(body).as(page).contains("id=\"strip-open-cases\">120건", "id=\"strip-total-balance\">" + won(sum(m -> true)),
                    // nobody has paid anything yet this April
                    "id=\"strip-collected\">0원", "4월 1일 ~ 2026년 4월 15일 입금");
        }
        // the landlord's strip is their own 40 cases, even when they look at another landlord's building
        Browser owner = new Browser(port);
        owner.signIn("seohae-owner", PASSWORD);
        assertThat(owner.page("/board?buildingId=" + given.buildingId("B-001")).body())
                .contains("id=\"strip-open-cases\">40건", "id=\"strip-total-balance\">" + won(sum(Made::seohae)));
    }

    @Test
    @Order(Integer.MAX_VALUE) // the others count on every lease owing what it was made to owe
    void a_payment_shows_on_the_board_at_once() {
        Made b5 = made.get(5);
        String before = manager.page("/board?q=B-005").body();
        assertThat(before).contains(won(b5.balance()));

        given.pay(given.leaseId("B-005"), TODAY, 100_000);

        String after = manager.page("/board?q=B-005").body();
        assertThat(after).contains("id=\"total-balance\">" + won(b5.balance() - 100_000));
        given.pay(given.leaseId("B-005"), TODAY, b5.balance() - 100_000);
        assertThat(manager.page("/board").body()).contains("id=\"total-balance\">" + won(sum(m -> m != b5)));

        // a correction that adds no row (B-007's deposit), looked at, then a payment written around the service with
        // no event to say so: the correction does not pass for the new row, which shows too
        assertThat(api.send(org.springframework.http.HttpMethod.PATCH, "/api/leases/" + given.leaseId("B-007") + "/deposit",
                java.util.Map.of(), java.util.Map.of("deposit", 9_000_000, "reason", "보증금 증액 약정")).status()).isEqualTo(200);
        assertThat(manager.page("/board?q=B-011").body()).contains("id=\"total-balance\">" + won(made.get(11).balance()));
        Made b11 = made.get(11);
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, 'AROUND-1', ?, 50000)")
                .params(given.leaseId("B-011"), TODAY).update();
        assertThat(manager.page("/board?q=B-011").body()).contains("id=\"total-balance\">" + won(b11.balance() - 50_000));
        assertThat(manager.page("/board").body()).contains("id=\"total-balance\">" + won(sum(m -> m != b5) - 50_000));

        // a payment written around the service (B-014's, another instance's) committed before one of this instance's own
        // (B-013's) is looked at again: the own one does not explain the other's row, both show at the next look
        Made b13 = made.get(13);
        Made b14 = made.get(14);
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, 'AROUND-2', ?, 30000)")
                .params(given.leaseId("B-014"), TODAY).update();
        given.pay(given.leaseId("B-013"), TODAY, 20_000);
        String both = manager.page("/board").body();
        assertThat(both).contains("id=\"total-balance\">" + won(sum(m -> m != b5) - 50_000 - 30_000 - 20_000));
        assertThat(manager.page("/board?q=B-014").body()).contains("id=\"total-balance\">" + won(b14.balance() - 30_000));
        assertThat(manager.page("/board?q=B-013").body()).contains("id=\"total-balance\">" + won(b13.balance() - 20_000));

        // this month's collections in the strip: B-005's 100,000 + the rest of its balance, and B-011's 50,000, all dated
        // 15 April; a payment dated 31 March is last month's and does not count
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, 'MARCH-1', '2026-03-31', 70000)")
                .param(given.leaseId("B-012")).update();
        String strip = manager.page("/board?landlordId=" + given.landlordId("서해산업")).body();
        assertThat(strip).contains("id=\"strip-collected\">" + won(b5.balance() + 50_000 + 30_000 + 20_000));
    }

    @Test
    void a_case_changed_in_place_by_another_instance_shows_at_the_next_look() {
        // the board and the home are remembered as rendered: a change made around this instance, in place and
        // with no event to tell it, must still show on the next refresh
        Browser owner = new Browser(port);
        owner.signIn("seohae-owner", PASSWORD);
        long b030 = given.onlyCase("B-030");
        assertThat(owner.page("/board?q=B-030").body()).doesNotContain("까지 중지");
        assertThat(owner.page("/").body()).contains("지금 진행 중인 연체 <strong>40건</strong>");
        try {
            jdbc.sql("UPDATE arrears_case SET paused_until = '2026-04-30' WHERE id = ?").param(b030).update();
            assertThat(owner.page("/board?q=B-030").body()).contains("2026년 4월 30일까지 중지");
            jdbc.sql("UPDATE arrears_case SET closed_on = ? WHERE id = ?").params(TODAY, b030).update();
            assertThat(owner.page("/board").body()).contains("id=\"open-cases\">39건");
            assertThat(owner.page("/").body()).contains("지금 진행 중인 연체 <strong>39건</strong>");
        } finally {
            jdbc.sql("UPDATE arrears_case SET paused_until = NULL, closed_on = NULL WHERE id = ?").param(b030).update();
        }
        assertThat(owner.page("/board").body()).contains("id=\"open-cases\">40건");
    }

    @Test
    void two_landlords_asking_for_the_same_page_in_turn_each_get_their_own() {
        // nothing is written between the looks: a remembered page shared by the two would show
        Browser seohae = new Browser(port);
        seohae.signIn("seohae-owner", PASSWORD);
        Browser hanul = new Browser(port);
        hanul.signIn("hanul-owner", PASSWORD);
        for (int round = 0; round < 2; round++) {
            assertThat(seohae.page("/board").body()).contains("id=\"open-cases\">40건").doesNotContain("B-001");
            assertThat(hanul.page("/board").body()).contains("id=\"open-cases\">80건").doesNotContain("B-000");
            assertThat(seohae.page("/").body()).contains("지금 진행 중인 연체 <strong>40건</strong>");
            assertThat(hanul.page("/").body()).contains("지금 진행 중인 연체 <strong>80건</strong>");
        }
        assertThat(manager.page("/board").body()).contains("id=\"open-cases\">120건");
    }

    @Test
    void a_landlord_sees_only_their_own_cases_and_no_attention_list() {
        Browser owner = new Browser(port);
        owner.signIn("seohae-owner", PASSWORD);
        String page = owner.page("/board").body();
        assertThat(page).contains("id=\"open-cases\">40건").doesNotContain("id=\"attention\"", "한울");
        List<String> shown = new ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            shown.addAll(codes(owner.page("/board?sort=tenant&page=" + p).body()));
        }
        assertThat(shown).hasSize(40).allMatch(c -> Integer.parseInt(c.substring(2)) % 3 == 0);
        // another landlord's building, or a search for another's lease, finds nothing
        assertThat(owner.page("/board?buildingId=" + given.buildingId("B-001")).body()).contains("id=\"open-cases\">0건");
        assertThat(owner.page("/board?q=B-001").body()).contains("id=\"open-cases\">0건");
        // asking for another landlord changes nothing: the board stays their own
        assertThat(owner.page("/board?landlordId=" + given.landlordId("한울산업개발")).body()).contains("id=\"open-cases\">40건");
    }

    @Test
    void cases_that_need_a_person_are_listed_with_links_and_filtered() {
        String page = manager.page("/board").body();
        String attention = page.substring(page.indexOf("id=\"attention\""), page.indexOf("id=\"board-filter\""));
        // 서해산업 has no bank account: its 40 cases; B-020's tenant has a landline only
        assertThat(attention).contains("입금 계좌 없음 40건", "연락 불가 1건");
        assertThat(attention).contains("href=\"/cases/" + given.onlyCase("B-020") + "\"");
        assertThat(codes(manager.page("/board?attention=UNREACHABLE").body())).containsExactly("B-020");
        assertThat(manager.page("/board?attention=NO_ACCOUNT").body()).contains("id=\"open-cases\">40건",
                "id=\"total-balance\">" + won(sum(Made::seohae)));
        // any reason: the 40 without an account, and B-020 (한울's)
        assertThat(manager.page("/board?attention=any").body()).contains("id=\"open-cases\">41건");
        assertThat(manager.page("/board?attention=FAILED_MESSAGE").body()).contains("id=\"open-cases\">0건");

        // a reminder the provider refused for good, and a notice the post office returned
        jdbc.sql("UPDATE message SET state = 'FAILED', last_error = 'provider refused' WHERE id = ?")
                .param(given.firstMessage("B-023")).update();
        jdbc.sql("UPDATE notice SET status = 'RETURNED' WHERE id = (SELECT min(id) FROM notice WHERE lease_id = ?)")
                .param(given.leaseId("B-100")).update();
        assertThat(codes(manager.page("/board?attention=FAILED_MESSAGE").body())).containsExactly("B-023");
        assertThat(codes(manager.page("/board?attention=NOTICE").body())).containsExactly("B-100");
        String now = manager.page("/board").body();
        assertThat(now).contains("발송 실패 1건", "발송 실패: provider refused", "내용증명 반송·보류 1건", "반송됨");
    }

    private static final List<String> LADDER = List.of("1차 독촉", "2차 독촉", "최종 독촉", "이행 최고서", "해지 통지서");

    private static List<String> stages(String page) {
        return Pattern.compile("<span class=\"stage\">([^<]+)</span>").matcher(page).results().map(r -> r.group(1)).toList();
    }

    private static List<String> codes(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            codes.add(m.group(2));
        }
        return codes;
    }

    private List<Long> balances(List<String> codes) {
        return codes.stream().map(c -> made.stream().filter(m -> m.code().equals(c)).findFirst().orElseThrow().balance()).toList();
    }

    private long sum(Predicate<Made> which) {
        return made.stream().filter(which).mapToLong(Made::balance).sum();
    }

    private static long count(String page) {
        Matcher m = Pattern.compile("id=\"open-cases\">([\\d,]+)건").matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static long total(String page) {
        Matcher m = Pattern.compile("id=\"total-balance\">([\\d,]+)원").matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String won(long amount) {
        return String.format("%,d원", amount);
    }
}

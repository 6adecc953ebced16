package kr.fm.arrears.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.Portfolio;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 2,000 leases of one landlord and a month of deposits (80 % tenant's name, 10 % another payer, 5 %
 * 가상계좌, 5 % noise): at least 95 % of the tenant-name and 가상계좌 deposits are applied by themselves,
 * none to a wrong lease, the rest wait; one assignment teaches the payer, and next month it matches.
 */
@ServiceTest
class MatchingAtScaleTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Ledger ledger;
    @Autowired Portfolio portfolio;
    @Autowired TransactionTemplate tx;

    private record Applied(LocalDateTime at, String payer, long amount, long leaseId) {}

    @Test
    void a_month_of_deposits_on_2000_leases_is_applied_by_itself_and_never_to_a_wrong_lease() {
        new PortfolioGenerator(dataSource).generate(new PortfolioGenerator.Plan(2_000, 16, YearMonth.of(2026, 4), 2_000));
        long landlord = jdbc.sql("SELECT min(id) FROM landlord").query(Long.class).single();
        String account = jdbc.sql("SELECT bank_account FROM landlord WHERE id = ?").param(landlord).query(String.class).single();
        List<MonthOfDeposits.LeaseRow> leases = MonthOfDeposits.leases(jdbc, landlord);
        assertThat(leases).hasSize(2_000);
        Map<Long, String> virtualAccounts = new HashMap<>();
        List<MonthOfDeposits.Line> april = MonthOfDeposits.month(leases, YearMonth.of(2026, 4), 16, ledger, virtualAccounts);
        tx.executeWithoutResult(s -> virtualAccounts.forEach((lease, va) -> portfolio.virtualAccount(lease, va, Viewer.SYSTEM_NAME)));

        Api.Response kb = upload("kb.csv", MonthOfDeposits.kbCsv(account, april), account);
        Api.Response va = upload("va.csv", MonthOfDeposits.virtualCsv(april), account);
        assertThat(kb.status()).as(String.valueOf(kb.body())).isEqualTo(200);
        assertThat(va.status()).as(String.valueOf(va.body())).isEqualTo(200);

        List<Applied> applied = applied();
        Map<String, MonthOfDeposits.Line> planned = new HashMap<>();
        april.forEach(l -> planned.put(l.at() + "|" + l.payer().strip() + "|" + l.amount(), l));
        long automatic = 0;
        for (Applied a : applied) {
            MonthOfDeposits.Line meant = planned.get(a.at() + "|" + a.payer() + "|" + a.amount());
            assertThat(meant).as("applied line %s", a).isNotNull();
            assertThat(a.leaseId()).as("lease of %s (%s)", a.payer(), meant.kind()).isEqualTo(meant.leaseId());
            automatic++;
        }
        long eligible = april.stream().filter(l -> l.kind() == MonthOfDeposits.Kind.TENANT_NAME
                || l.kind() == MonthOfDeposits.Kind.VIRTUAL_ACCOUNT).count();
        long eligibleApplied = applied.stream().filter(a -> {
            MonthOfDeposits.Kind k = planned.get(a.at() + "|" + a.payer() + "|" + a.amount()).kind();
            return k == MonthOfDeposits.Kind.TENANT_NAME || k == MonthOfDeposits.Kind.VIRTUAL_ACCOUNT;
        }).count();
        assertThat(eligibleApplied).as("of %d tenant-name and 가상계좌 deposits", eligible).isGreaterThanOrEqualTo(eligible * 95 / 100);
        assertThat(automatic).isEqualTo(eligibleApplied); // other payers and noise: never applied by themselves
        long waiting = jdbc.sql("SELECT count(*) FROM bank_line WHERE state IN ('UNMATCHED', 'AMBIGUOUS')").query(Long.class).single();
        assertThat(waiting).isEqualTo(april.size() - automatic);

        // a person assigns one representative's deposit and keeps the name; next month it matches by itself
        MonthOfDeposits.Line other = april.stream().filter(l -> l.kind() == MonthOfDeposits.Kind.OTHER_PAYER).findFirst().orElseThrow();
        long line = jdbc.sql("SELECT id FROM bank_line WHERE payer = ? AND amount = ?").params(other.payer(), other.amount())
                .query(Long.class).single();
        assertThat(api.postJson("/api/bank-lines/" + line + "/assign", Map.of("leaseId", other.leaseId(), "teachAlias", true))
                .status()).isEqualTo(200);
        MonthOfDeposits.Line may = new MonthOfDeposits.Line(other.at().plusMonths(1), other.payer(), other.amount(), null,
                other.leaseId(), other.kind());
        Api.Response next = upload("may.csv", MonthOfDeposits.kbCsv(account, List.of(may)), account);
        assertThat(next.body().get("matched").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT lease_id || ' ' || rule FROM bank_line_payment ORDER BY id DESC LIMIT 1").query(String.class)
                .single()).isEqualTo(other.leaseId() + " ALIAS");
        System.out.printf("matching at scale: %d deposits, %d eligible, %d applied automatically, %d waiting%n", april.size(),
                eligible, automatic, waiting);
    }

    private List<Applied> applied() {
        return jdbc.sql("""
                SELECT bl.occurred_at, bl.payer, bl.amount, x.lease_id FROM bank_line_payment x JOIN bank_line bl ON bl.id = x.bank_line_id
                WHERE x.rule <> 'MANUAL'""")
                .query((rs, n) -> new Applied(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private Api.Response upload(String name, byte[] bytes, String account) {
        return api.postFile("/api/imports/bank-statements?account=" + account, "file", name, bytes);
    }
}

package kr.fm.arrears.tools;

import kr.fm.arrears.shared.Viewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import javax.sql.DataSource;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessNumber;
import kr.fm.arrears.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator writes through its own DataSource; only the database and the ledger's arrears query are needed. */
@DatabaseTest
@Import(LedgerViews.class)
class PortfolioGeneratorTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired LedgerViews views;

    @Test
    void a_generated_portfolio_has_a_year_of_charges_valid_numbers_and_about_a_tenth_in_arrears() {
        var result = new PortfolioGenerator(dataSource).generate(new PortfolioGenerator.Plan(400, 7, YearMonth.of(2026, 10)));

        assertThat(jdbc.sql("SELECT count(*) FROM lease").query(Long.class).single()).isEqualTo(400);
        // 12 months × (rent + management fee)
        assertThat(jdbc.sql("SELECT count(*) FROM charge").query(Long.class).single()).isEqualTo(400 * 24);
        assertThat(jdbc.sql("SELECT business_no FROM tenant").query(String.class).list())
                .allSatisfy(no -> assertThat(BusinessNumber.normalize(no)).isEqualTo(no)).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE unit_no LIKE '%-2'").query(Long.class).single()).isEqualTo(200);

        // the arrears query, which knows nothing of how the data was made, finds the leases left unpaid;
        // on 20 November even the latest payer (up to 19 days after a due date of 31 October) has paid
        var owing = views.leasesInArrears(Viewer.SYSTEM, LocalDate.of(2026, 11, 20), null, null, 1000, 0);
        assertThat(owing).hasSize(result.inArrears());
        assertThat(result.inArrears()).isBetween(20, 70);
    }

    @Test
    void the_first_landlord_can_be_given_a_large_portfolio_for_landlord_wide_queries() {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM landlord").query(Long.class).single();
        new PortfolioGenerator(dataSource).generate(new PortfolioGenerator.Plan(700, 7, YearMonth.of(2026, 10), 500));

        // leases per new landlord: the first one's 500, then the usual 200 of five buildings of 40
        assertThat(jdbc.sql("""
                SELECT count(*) FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id > ?
                GROUP BY b.landlord_id ORDER BY b.landlord_id""").param(before).query(Long.class).list())
                .containsExactly(500L, 200L);
        assertThat(jdbc.sql("SELECT count(*) FROM building WHERE landlord_id = ?").param(before + 1)
                .query(Long.class).single()).isEqualTo(13);
    }
}

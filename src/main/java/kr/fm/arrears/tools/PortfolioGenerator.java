package kr.fm.arrears.tools;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import kr.fm.arrears.ledger.DueDates;
import kr.fm.arrears.ledger.Vat;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Fills the database with a synthetic portfolio for benchmarks and drills: landlords, buildings
 * with split units, tenants, leases with 12 months of charges and payments, about 10 % in arrears
 * at varied ages. Rows go in with COPY (not one INSERT each) and the same seed gives the same data.
 * Synthetic rows are not audited one by one; one PORTFOLIO_GENERATED event records the run.
 */
@RequiredArgsConstructor
public final class PortfolioGenerator {

    /**
     * What to generate. {@code through} is the last month that has charges. {@code firstLandlordLeases}
     * (0 for none) gives the first landlord that many leases instead of 200, so a landlord-wide query can
     * be measured on a large landlord.
     */
    public record Plan(int leases, long seed, YearMonth through, int firstLandlordLeases) {

        public Plan(int leases, long seed, YearMonth through) {
            this(leases, seed, through, 0);
        }
    }

    public record Result(int leases, long charges, long payments, int inArrears, long millis) {}

    private static final int LEASES_PER_BUILDING = 40;
    private static final int BUILDINGS_PER_LANDLORD = 5;
    private static final int BATCH = 20_000;

    private final DataSource dataSource;

    public Result generate(Plan plan) {
        long started = System.nanoTime();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            long base = nextId(c, "lease"); // lets a second run add to an existing portfolio
            long landlordBase = nextId(c, "landlord");
            long buildingBase = nextId(c, "building");
            long unitBase = nextId(c, "unit");
            long tenantBase = nextId(c, "tenant");
            long chargeBase = nextId(c, "charge");
            long paymentBase = nextId(c, "payment");
            SplittableRandom random = new SplittableRandom(plan.seed());
            Layout layout = new Layout(plan.leases(), Math.min(plan.firstLandlordLeases(), plan.leases()));
            int buildings = layout.buildings();
            int landlords = layout.landlords();

            Copy landlordRows = new Copy(pg, "landlord (id, name, business_no, address, phone, bank_name, bank_account, account_holder)");
            for (int i = 0; i < landlords; i++) {
                long id = landlordBase + i;
                landlordRows.row(id, "산업개발" + id + "(주)", businessNo(9, id), "경기도 화성시 산단로 " + id,
                        "+8231" + (3000000 + random.nextInt(999999)), "국민은행", "123-45-" + id, "산업개발" + id);
            }
            landlordRows.finish();
            Copy buildingRows = new Copy(pg, "building (id, landlord_id, name, address)");
            for (int i = 0; i < buildings; i++) {
                long id = buildingBase + i;
                buildingRows.row(id, landlordBase + layout.landlordOf(i), "제" + id + "공장", "경기도 화성시 공단로 " + id);
            }
            buildingRows.finish();

            Copy units = new Copy(pg, "unit (id, building_id, unit_no)");
            Copy tenants = new Copy(pg, "tenant (id, name, business_no, representative, phone, email, address)");
            Copy leases = new Copy(pg, "lease (id, code, tenant_id, building_id, start_date, end_date, monthly_rent, "
                    + "management_fee, deposit, due_day, vat_applies, interest_rate, merchant, commercial_act)");
            Copy leaseUnits = new Copy(pg, "lease_unit (lease_id, unit_id)");
            Copy charges = new Copy(pg, "charge (id, lease_id, kind, period, due_date, amount, vat)");
            Copy payments = new Copy(pg, "payment (id, lease_id, bank_reference, paid_on, amount, payer_name)");
            long chargeId = chargeBase;
            long paymentId = paymentBase;
            int inArrears = 0;
            LocalDate start = plan.through().minusMonths(11).atDay(1);
            LocalDate end = plan.through().plusMonths(12).atEndOfMonth();
            for (int i = 0; i < plan.leases(); i++) {
                long lease = base + i;
                long building = buildingBase + layout.buildingOf(i);
                int floorUnit = 101 + (i % LEASES_PER_BUILDING) / 2;
                // every other unit is split between two tenants: 101-1, 101-2
                units.row(unitBase + i, building, floorUnit + "-" + (1 + i % 2));
                tenants.row(tenantBase + i, "임차기업" + lease, businessNo(1, tenantBase + i), "대표" + lease,
                        "+8210" + (10000000 + random.nextInt(89999999)), "t" + lease + "@tenant.example", "화성시 " + lease);
                long rent = 500_000 + 50_000L * random.nextInt(60);
                long fee = rent / 10;
                int dueDay = 1 + random.nextInt(31);
                boolean act = random.nextInt(4) == 0;
                leases.row(lease, "G-" + lease, tenantBase + i, building, start, end, rent, fee, rent * 10, dueDay, true,
                        random.nextInt(3) == 0 ? "12" : null, true, act);
                leaseUnits.row(lease, unitBase + i);
                // about 10 % stop paying 1 to 6 months before the end, some paying part of one month
                int unpaidMonths = random.nextInt(10) == 0 ? 1 + random.nextInt(6) : 0;
                if (unpaidMonths > 0) {
                    inArrears++;
                }
                int month = 0;
                for (LocalDate due : DueDates.between(start, plan.through().atEndOfMonth(), dueDay)) {
                    long rentVat = Vat.of(rent, true);
                    long feeVat = Vat.of(fee, true);
                    LocalDate period = due.withDayOfMonth(1);
                    charges.row(chargeId++, lease, "RENT", period, due, rent, rentVat);
                    charges.row(chargeId++, lease, "MANAGEMENT_FEE", period, due, fee, feeVat);
                    boolean pays = month < 12 - unpaidMonths;
                    if (pays) {
                        long amount = rent + rentVat + fee + feeVat;
                        LocalDate paidOn = due.plusDays(random.nextInt(8) == 0 ? random.nextInt(20) : 0);
                        payments.row(paymentId, lease, "GEN-" + paymentId, paidOn, amount, "임차기업" + lease);
                        paymentId++;
                    } else if (month == 12 - unpaidMonths && random.nextInt(3) == 0) {
                        payments.row(paymentId, lease, "GEN-" + paymentId, due.plusDays(3), (rent + rentVat) / 2, "임차기업" + lease);
                        paymentId++;
                    }
                    month++;
                }
                if (i % BATCH == BATCH - 1) {
                    for (Copy copy : new Copy[] {units, tenants, leases, leaseUnits, charges, payments}) {
                        copy.flush();
                    }
                }
            }
            for (Copy copy : new Copy[] {units, tenants, leases, leaseUnits, charges, payments}) {
                copy.finish();
            }
            for (String table : new String[] {"landlord", "building", "unit", "tenant", "lease", "charge", "payment"}) {
                try (var s = c.createStatement()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
                    s.execute("ANALYZE " + table);
                }
            }
            try (var s = c.createStatement()) {
                // without statistics the planner guesses 500 units per lease and scans every unit for a lease's numbers
                s.execute("ANALYZE lease_unit");
            }
            c.commit();
            return new Result(plan.leases(), chargeId - chargeBase, paymentId - paymentBase, inArrears,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("portfolio generation failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Which building a lease is in and which landlord owns a building: 40 leases a building, 5 buildings
     * a landlord, except that the first {@code first} leases (if any) fill the first landlord's buildings.
     */
    record Layout(int leases, int first) {

        private int firstBuildings() {
            return (first + LEASES_PER_BUILDING - 1) / LEASES_PER_BUILDING;
        }

        int buildingOf(int lease) {
            return lease < first ? lease / LEASES_PER_BUILDING : firstBuildings() + (lease - first) / LEASES_PER_BUILDING;
        }

        int landlordOf(int building) {
            if (first == 0) {
                return building / BUILDINGS_PER_LANDLORD;
            }
            return building < firstBuildings() ? 0 : 1 + (building - firstBuildings()) / BUILDINGS_PER_LANDLORD;
        }

        int buildings() {
            return leases == 0 ? 0 : buildingOf(leases - 1) + 1;
        }

        int landlords() {
            return buildings() == 0 ? 0 : landlordOf(buildings() - 1) + 1;
        }
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A unique 사업자등록번호 for a generated id, its check digit computed as BusinessNumber checks it. */
    static String businessNo(int prefix, long id) {
        String nine = prefix + String.format("%08d", id % 100_000_000);
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        sum += (nine.charAt(8) - '0') * 5 / 10;
        return nine + (10 - sum % 10) % 10;
    }

    /** Rows of one table streamed through COPY in CSV, flushed in batches to bound memory. */
    private static final class Copy {
        private final PGConnection pg;
        private final String target;
        private StringWriter buffer = new StringWriter();

        Copy(PGConnection pg, String target) {
            this.pg = pg;
            this.target = target;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v != null) {
                    String s = v.toString();
                    buffer.append(s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s);
                }
            }
            buffer.append('\n');
        }

        void flush() throws SQLException {
            if (buffer.getBuffer().isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn in = pg.getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT csv)");
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            buffer = new StringWriter();
        }

        void finish() throws SQLException {
            flush();
        }
    }
}

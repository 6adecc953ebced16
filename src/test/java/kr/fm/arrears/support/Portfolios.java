package kr.fm.arrears.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a test gets its portfolio: landlords, buildings, tenants and leases imported through the
 * service's own CSV import, payments posted to the API, accounts made by {@link Users}, escalation runs
 * and approvals through the API — the doors a person uses, so a fixture cannot hold what the service
 * would refuse. A bean of every {@link ServiceTest} (lazy: the port is known late).
 *
 * <pre>
 * Portfolios.Given given = portfolios.given()
 *         .lease(Portfolios.lease("L1").unit("101"))          // 한울 제1공장, (주)대성정밀, 1,000,000 + 100,000 + VAT from March 2026
 *         .manager("kim", "kim-test-password", "김관리")
 *         .make();
 * given.leaseId("L1");
 * </pre>
 */
@Lazy
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Portfolios {

    /** 한울산업개발: the example files' first landlord, and every other fixture's. */
    public static final Landlord HANUL = new Landlord("한울산업개발", "220-81-62517", "경기도 화성시 향남읍 발안공단로 12",
            "031-355-1200", "국민은행", "123-45-6789-012", "한울산업개발(주)");
    public static final Building HANUL_FACTORY = new Building(HANUL, "한울 제1공장", "경기도 화성시 향남읍 발안공단로 12");
    public static final Tenant DAESUNG = new Tenant("(주)대성정밀", "124-81-00004", "김대성", "010-2345-6789", "ds@daesung.example", null);
    public static final Tenant MIRAE = new Tenant("미래테크(주)", "135-86-12349", "이미래", "010-3456-7890", "info@miraetech.example", null);

    /**
     * The {@code n}-th of many tenant companies (0 to 99,999), each with a 사업자등록번호 of its own (a valid
     * check digit) and a mobile number: for fixtures of many leases.
     */
    public static Tenant tenantNo(int n, String name) {
        String nine = "2208" + String.format("%05d", n);
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        sum += (nine.charAt(8) - '0') * 5 / 10;
        String digits = nine + (10 - sum % 10) % 10;
        return new Tenant(name, digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5), "대표" + n,
                String.format("010-7%03d-%04d", n / 10_000, n % 10_000), "t" + n + "@tenants.example", null);
    }

    /** Civil code lease: rent 2,000,000 + fee 200,000 (+10% VAT each), 12% contractual interest. */
    public static final String CIVIL = "NT-CIVIL";
    /** Commercial Building Lease Protection Act applies: rent 1,500,000 + fee 150,000, statutory 6%. */
    public static final String COMMERCIAL = "NT-ACT";
    /**
     * {@link #CIVIL} and {@link #COMMERCIAL}, two leases that have paid nothing since 1 October 2025: on the
     * test clock's 15 April 2026 each has 14 overdue charges, rent and fee due on the 10th of October to April.
     */
    public static final List<Lease> UNPAID_SINCE_OCTOBER = List.of(
            lease(CIVIL).unit("201").from(LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30)).rent(2_000_000, 200_000)
                    .deposit(20_000_000).interest(12),
            lease(COMMERCIAL).unit("202").tenant(MIRAE).from(LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30))
                    .rent(1_500_000, 150_000).deposit(15_000_000).underTheAct());

    private static final String LEASE_HEADER = "lease_code,landlord_name,landlord_business_no,landlord_address,landlord_phone,"
            + "landlord_bank_name,landlord_bank_account,landlord_account_holder,building_name,building_address,units,"
            + "tenant_name,tenant_business_no,tenant_representative,tenant_phone,tenant_email,tenant_address,start_date,"
            + "end_date,monthly_rent,management_fee,deposit,due_day,vat_applies,late_interest_percent,merchant,commercial_act";

    public record Landlord(String name, String businessNo, String address, String phone, String bankName, String bankAccount,
            String accountHolder) {}

    public record Building(Landlord landlord, String name, String address) {}

    /** A tenant company; without an address it lives at its lease's building, "… 201호". */
    public record Tenant(String name, String businessNo, String representative, String phone, String email, String address) {
        public Tenant at(String address) {
            return new Tenant(name, businessNo, representative, phone, email, address);
        }
    }

    /** A lease as one row of the lease import; {@link #lease(String)} starts from the defaults, each wither changes one term. */
    public record Lease(String code, Building building, List<String> units, Tenant tenant, LocalDate start, LocalDate end,
            long rent, long fee, long deposit, int dueDay, boolean vat, BigDecimal interest, boolean merchant,
            boolean commercialAct) {

        public Lease unit(String... unitNos) {
            return new Lease(code, building, List.of(unitNos), tenant, start, end, rent, fee, deposit, dueDay, vat, interest,
                    merchant, commercialAct);
        }

        public Lease in(Building b) {
            return new Lease(code, b, units, tenant, start, end, rent, fee, deposit, dueDay, vat, interest, merchant,
                    commercialAct);
        }

        public Lease tenant(Tenant t) {
            return new Lease(code, building, units, t, start, end, rent, fee, deposit, dueDay, vat, interest, merchant,
                    commercialAct);
        }

        public Lease from(LocalDate from, LocalDate to) {
            return new Lease(code, building, units, tenant, from, to, rent, fee, deposit, dueDay, vat, interest, merchant,
                    commercialAct);
        }

        /** Monthly rent and management fee, before VAT. */
        public Lease rent(long monthlyRent, long managementFee) {
            return new Lease(code, building, units, tenant, start, end, monthlyRent, managementFee, deposit, dueDay, vat,
                    interest, merchant, commercialAct);
        }

        public Lease deposit(long won) {
            return new Lease(code, building, units, tenant, start, end, rent, fee, won, dueDay, vat, interest, merchant,
                    commercialAct);
        }

        public Lease dueDay(int day) {
            return new Lease(code, building, units, tenant, start, end, rent, fee, deposit, day, vat, interest, merchant,
                    commercialAct);
        }

        /** Contractual late interest, percent a year (none: the statutory rate). */
        public Lease interest(int percent) {
            return new Lease(code, building, units, tenant, start, end, rent, fee, deposit, dueDay, vat,
                    BigDecimal.valueOf(percent), merchant, commercialAct);
        }

        public Lease commercialAct(boolean applies) {
            return new Lease(code, building, units, tenant, start, end, rent, fee, deposit, dueDay, vat, interest, merchant,
                    applies);
        }

        /** 상가건물 임대차보호법 applies: termination at three months' rent instead of two. */
        public Lease underTheAct() {
            return commercialAct(true);
        }

        String csvRow() {
            Landlord l = building.landlord();
            Tenant t = tenant.address() != null ? tenant : tenant.at(building.address() + " " + units.get(0) + "호");
            return String.join(",", csv(code), csv(l.name()), csv(l.businessNo()), csv(l.address()), csv(l.phone()),
                    csv(l.bankName()), csv(l.bankAccount()), csv(l.accountHolder()), csv(building.name()),
                    csv(building.address()), csv(String.join(";", units)), csv(t.name()), csv(t.businessNo()),
                    csv(t.representative()), csv(t.phone()), csv(t.email()), csv(t.address()), start.toString(),
                    end.toString(), String.valueOf(rent), String.valueOf(fee), String.valueOf(deposit), String.valueOf(dueDay),
                    vat ? "Y" : "N", interest == null ? "" : interest.toPlainString(), merchant ? "Y" : "N",
                    commercialAct ? "Y" : "N");
        }

        private static String csv(String value) {
            if (value == null) {
                return "";
            }
            return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }

    /**
     * A lease of {@link #HANUL_FACTORY}'s unit 101 to {@link #DAESUNG} from 1 March 2026 to 29 February 2028: rent
     * 1,000,000 + VAT and a fee of 100,000 + VAT, 1,210,000 due on the 10th; deposit 10,000,000; both merchants,
     * statutory interest, the civil code's termination right.
     */
    public static Lease lease(String code) {
        return new Lease(code, HANUL_FACTORY, List.of("101"), DAESUNG, LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29),
                1_000_000, 100_000, 10_000_000, 10, true, null, true, false);
    }

    /** The example files under docs/examples, the ones the README walks through. */
    public static byte[] exampleLeases() {
        return read("leases.csv");
    }

    public static byte[] examplePayments() {
        return read("payments.csv");
    }

    private final Api api;
    private final TestClock clock;
    private final Users users;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final AtomicInteger paymentNo = new AtomicInteger();

    public Builder given() {
        return new Builder();
    }

    /** What a test asks for, made in this order by {@link #make}: leases, payments, accounts, runs, approvals. */
    public final class Builder {
        private boolean examples;
        private final List<Lease> leases = new ArrayList<>();
        private final List<String> landlordsWithoutLeases = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private final List<LocalDate> runs = new ArrayList<>();
        private final List<Approval> approvals = new ArrayList<>();

        private record Account(String username, String password, Role role, String landlordName, String displayName) {}

        private record Approval(String leaseCode, Map<String, String> submitter, Map<String, String> approver) {}

        /** The README's portfolio: docs/examples/leases.csv and payments.csv, imported as a person would. */
        public Builder examples() {
            examples = true;
            return this;
        }

        public Builder lease(Lease lease) {
            leases.add(lease);
            return this;
        }

        public Builder leases(List<Lease> more) {
            leases.addAll(more);
            return this;
        }

        /** A landlord known by name only, with no building yet (e.g. for another landlord's account). */
        public Builder landlord(String name) {
            landlordsWithoutLeases.add(name);
            return this;
        }

        public Builder manager(String username, String password, String displayName) {
            accounts.add(new Account(username, password, Role.MANAGER, null, displayName));
            return this;
        }

        /** A LANDLORD account of the landlord named {@code landlordName} (of a lease or {@link #landlord}). */
        public Builder landlordAccount(String username, String password, String landlordName, String displayName) {
            accounts.add(new Account(username, password, Role.LANDLORD, landlordName, displayName));
            return this;
        }

        /** A real escalation run on each date, the clock set to it, as the 09:00 schedule would. */
        public Builder escalatedOn(LocalDate... days) {
            runs.addAll(List.of(days));
            return this;
        }

        /** The lease's demand notice (drafted by a run), submitted by one MANAGER and approved by another. */
        public Builder approvedDemand(String leaseCode, Map<String, String> submitter, Map<String, String> approver) {
            approvals.add(new Approval(leaseCode, submitter, approver));
            return this;
        }

        public Given make() {
            if (examples) {
                assertThat(api.postCsv("/api/imports/leases", exampleLeases()).status()).as("the example leases import").isEqualTo(200);
                assertThat(api.postCsv("/api/imports/payments", examplePayments()).status()).as("the example payments import")
                        .isEqualTo(200);
            }
            if (!leases.isEmpty()) {
                StringBuilder csv = new StringBuilder(LEASE_HEADER).append('\n');
                leases.forEach(l -> csv.append(l.csvRow()).append('\n'));
                Api.Response imported = api.postCsv("/api/imports/leases", csv.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
            }
            for (String name : landlordsWithoutLeases) {
                assertThat(api.postJson("/api/landlords", Map.of("name", name)).status()).isEqualTo(201);
            }
            Given given = new Given(leaseIds(), landlordIds());
            if (!accounts.isEmpty()) {
                tx.executeWithoutResult(s -> accounts.forEach(a -> users.create(a.username(), a.password(), a.role(),
                        a.landlordName() == null ? null : given.landlordId(a.landlordName()), a.displayName(), "test")));
            }
            for (LocalDate day : runs) {
                clock.set(day);
                assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", day.toString(), "dryRun", false)).status())
                        .as("the run of %s", day).isEqualTo(201);
            }
            for (Approval a : approvals) {
                long notice = demand(given.leaseId(a.leaseCode()));
                assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/submit", a.submitter(), null).status())
                        .isEqualTo(200);
                JsonNode approved = api.send(HttpMethod.POST, "/api/notices/" + notice + "/approve", a.approver(), null).body();
                assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
                given.demands.put(a.leaseCode(), notice);
            }
            return given;
        }
    }

    /** The ids of what was made, by the names a test knows them by. */
    public final class Given {
        private final Map<String, JsonNode> leases;
        private final Map<String, Long> landlords;
        final Map<String, Long> demands = new HashMap<>();

        Given(Map<String, JsonNode> leases, Map<String, Long> landlords) {
            this.leases = leases;
            this.landlords = landlords;
        }

        /** Lease ids by lease code, every lease of the schema. */
        public Map<String, Long> leaseIds() {
            Map<String, Long> ids = new LinkedHashMap<>();
            leases.forEach((code, l) -> ids.put(code, l.get("leaseId").asLong()));
            return ids;
        }

        public long leaseId(String code) {
            return lease(code).get("leaseId").asLong();
        }

        public long tenantId(String leaseCode) {
            return lease(leaseCode).get("tenantId").asLong();
        }

        public long buildingId(String leaseCode) {
            return lease(leaseCode).get("buildingId").asLong();
        }

        public long landlordId(String name) {
            Long id = landlords.get(name);
            if (id == null) {
                throw new AssertionError("no landlord " + name);
            }
            return id;
        }

        /** The demand notice approved by {@link Builder#approvedDemand}. */
        public long approvedDemand(String leaseCode) {
            return demands.get(leaseCode);
        }

        /** The lease's first message. */
        public long firstMessage(String leaseCode) {
            return jdbc.sql("SELECT min(id) FROM message WHERE lease_id = ?").param(leaseId(leaseCode)).query(Long.class).single();
        }

        public long onlyCase(String leaseCode) {
            return jdbc.sql("SELECT id FROM arrears_case WHERE lease_id = ?").param(leaseId(leaseCode)).query(Long.class).single();
        }

        /** A payment of the lease through the API, under a bank reference of its own. */
        public void pay(long lease, LocalDate on, long amount) {
            Map<String, Object> payment = new HashMap<>();
            payment.put("bankReference", "BANK-" + lease + "-" + paymentNo.incrementAndGet());
            payment.put("paidOn", on.toString());
            payment.put("amount", amount);
            assertThat(api.postJson("/api/leases/" + lease + "/payments", payment).status()).isEqualTo(201);
        }

        private JsonNode lease(String code) {
            JsonNode l = leases.get(code);
            if (l == null) {
                throw new AssertionError("no lease " + code);
            }
            return l;
        }
    }

    /**
     * The termination notice a run drafted for one of landlord A's leases of {@link #twoLandlords()}, consented by
     * landlord A and sent for approval by the second MANAGER.
     */
    public long pendingTermination(String leaseCode) {
        long notice = jdbc.sql("""
                SELECT n.id FROM notice n JOIN lease l ON l.id = n.lease_id WHERE l.code = ? AND n.kind = 'TERMINATION'""")
                .param(leaseCode).query(Long.class).single();
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/consent", TwoLandlords.AS_OWNER_A, null).status()).isEqualTo(200);
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/submit", TwoLandlords.AS_MANAGER_2, null).status()).isEqualTo(200);
        return notice;
    }

    /**
     * {@link #twoLandlords()}' HW-101 demand handed to the post office on 1 May 2026 under {@code registeredNo}
     * (receipt 2026-0501-000777, 5,870원), recorded by the MANAGER as the post office's receipt says.
     */
    public void postDemandA(TwoLandlords two, String registeredNo) {
        Map<String, Object> handoff = new java.util.LinkedHashMap<>();
        handoff.put("receiptNo", "2026-0501-000777");
        handoff.put("registeredNo", registeredNo);
        handoff.put("postedOn", "2026-05-01");
        handoff.put("fee", 5_870);
        handoff.put("recipientPostcode", "18622");
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + two.noticeA() + "/postings", TwoLandlords.AS_MANAGER, handoff).status())
                .isEqualTo(201);
    }

    /** The lease's open case, as the runs so far left it. */
    public long openCase(String leaseCode) {
        return jdbc.sql("""
                SELECT c.id FROM arrears_case c JOIN lease l ON l.id = c.lease_id WHERE l.code = ? AND c.closed_on IS NULL""")
                .param(leaseCode).query(Long.class).single();
    }

    public long leaseId(String leaseCode) {
        return jdbc.sql("SELECT id FROM lease WHERE code = ?").param(leaseCode).query(Long.class).single();
    }

    private long demand(long leaseId) {
        return jdbc.sql("SELECT id FROM notice WHERE kind = 'DEMAND' AND lease_id = ?").param(leaseId).query(Long.class).single();
    }

    private Map<String, JsonNode> leaseIds() {
        Map<String, JsonNode> byCode = new HashMap<>();
        api.get("/api/leases?limit=5000").body().forEach(l -> byCode.put(l.get("code").asText(), l));
        return byCode;
    }

    private Map<String, Long> landlordIds() {
        Map<String, Long> byName = new HashMap<>();
        api.get("/api/landlords").body().forEach(l -> byName.put(l.get("name").asText(), l.get("id").asLong()));
        return byName;
    }

    /**
     * The README's two landlords, escalated on 11 March, 15 April and 1 May 2026, with a signed-in user for
     * each landlord and one approved demand notice each:
     * A = 한울산업개발 (building 한울 제1공장, leases HW-101, HW-301, HW-302: reminders in March, a demand
     * for HW-101 approved as 2026-000001, other notices left as drafts);
     * B = 서동산업(주) (서동 지식산업센터, SD-B12: a final reminder in April, its demand approved as 2026-000002).
     */
    public TwoLandlords twoLandlords() {
        Given g = given().examples()
                .manager(TwoLandlords.MANAGER, TwoLandlords.PASSWORD, "김관리")
                .manager(TwoLandlords.MANAGER_2, TwoLandlords.PASSWORD, "윤담당")
                .landlordAccount(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD, "한울산업개발", "한울산업개발")
                .landlordAccount(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD, "서동산업(주)", "서동산업")
                .escalatedOn(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 1))
                .approvedDemand("HW-101", TwoLandlords.AS_MANAGER_2, TwoLandlords.AS_MANAGER)
                .approvedDemand("SD-B12", TwoLandlords.AS_MANAGER_2, TwoLandlords.AS_MANAGER)
                .make();
        return new TwoLandlords(g.landlordId("한울산업개발"), g.buildingId("HW-101"), g.landlordId("서동산업(주)"),
                g.buildingId("SD-B12"), g.leaseId("SD-B12"), g.tenantId("SD-B12"), g.onlyCase("SD-B12"),
                g.firstMessage("SD-B12"), g.approvedDemand("HW-101"), g.approvedDemand("SD-B12"));
    }

    /** The ids and accounts of {@link #twoLandlords()}. */
    public record TwoLandlords(long landlordA, long buildingA, long landlordB, long buildingB, long leaseB, long tenantB,
            long caseB, long messageB, long noticeA, long noticeB) {

        public static final String PASSWORD = "two-landlords-password";
        public static final String OWNER_A = "hanul-owner";
        public static final String OWNER_B = "seodong-owner";
        public static final String MANAGER = "kim";
        public static final Map<String, String> AS_MANAGER = Api.signedInAs(MANAGER, PASSWORD);
        /** The second pair of eyes: a notice one MANAGER submits, another approves. */
        public static final String MANAGER_2 = "yoon";
        public static final Map<String, String> AS_MANAGER_2 = Api.signedInAs(MANAGER_2, PASSWORD);
        public static final Map<String, String> AS_OWNER_A = Api.signedInAs(OWNER_A, PASSWORD);

        public Api ownerA(Api api) {
            return api.as(OWNER_A, PASSWORD);
        }

        public Api ownerB(Api api) {
            return api.as(OWNER_B, PASSWORD);
        }
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of("docs/examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

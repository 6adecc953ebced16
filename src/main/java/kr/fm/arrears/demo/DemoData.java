package kr.fm.arrears.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.imports.LeaseImport;
import kr.fm.arrears.imports.PaymentImport;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, an empty database is filled with the example portfolio
 * (docs/examples, packaged as demo/) and a dozen tenants whose arrears are dated from today, so
 * every stage of the ladder is on the board whatever day the demo starts. All of it goes through
 * the same imports and the same escalation runs a user would call: a run ten days ago and one
 * today, then one notice sent for approval by a second MANAGER so that {@code manager} may approve
 * it (four eyes). The accounts are opened through the accounts' front door as an ADMIN would
 * ({@link Users#open}), with temporary passwords.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String HANUL = "한울산업개발,220-81-62517,경기도 화성시 향남읍 발안공단로 12,031-355-1200,국민은행,123-45-6789-012,한울산업개발(주)";
    private static final String SEODONG = "서동산업(주),130-87-00016,경기도 안산시 단원구 산단로 45,031-491-7700,신한은행,110-234-567890,서동산업(주)";
    private static final String HANUL_2 = "한울 제2공장,경기도 화성시 향남읍 발안공단로 20";
    private static final String SEODONG_1 = "서동 지식산업센터,경기도 안산시 단원구 산단로 45";

    /**
     * A demo tenant: {@code overdue} days since the due date of its first unpaid charge today (the
     * lease starts in that month, so every charge since is unpaid); {@code paidDaysAgo} pays every
     * charge due by that day in one transfer, and {@link #PREPAID} pays today's dues in advance at the
     * lease start (a payment before a due date pays the charge when it falls due).
     */
    private record Tenant(String code, String landlord, String building, String unit, String name, String businessNo,
            String representative, String phone, int overdue, long rent, boolean commercialAct, Integer paidDaysAgo) {}

    private static final int PREPAID = Integer.MAX_VALUE;

    private static final List<Tenant> TENANTS = List.of(
            new Tenant("HN-201", HANUL, HANUL_2, "101", "대한금속(주)", "124-81-04316", "정대한", "010-5101-2001", 1, 1_800_000, false, null),
            new Tenant("HN-202", HANUL, HANUL_2, "102", "세원테크", "220-81-12545", "한세원", "010-5102-2002", 3, 1_200_000, false, null),
            new Tenant("HN-203", HANUL, HANUL_2, "103", "(주)동양플라스틱", "312-81-15045", "오동양", "010-5103-2003", 8, 2_500_000, false, null),
            new Tenant("HN-204", HANUL, HANUL_2, "104", "신성기계", "605-81-27666", "신성호", "010-5104-2004", 16, 2_200_000, false, null),
            new Tenant("HN-205", HANUL, HANUL_2, "201", "(주)태평전자", "130-81-21493", "강태평", "010-5105-2005", 33, 3_000_000, true, null),
            new Tenant("HN-206", HANUL, HANUL_2, "202", "우진산업", "214-86-11740", "우진수", "010-5106-2006", 65, 1_600_000, false, null),
            new Tenant("HN-207", HANUL, HANUL_2, "203", "한결정공", "401-81-19400", "배한결", "010-5107-2007", -2, 1_400_000, false, PREPAID),
            new Tenant("HN-208", HANUL, HANUL_2, "204", "(주)명성화학", "113-86-16480", "문명성", "010-5108-2008", 12, 2_000_000, false, null),
            new Tenant("HN-209", HANUL, HANUL_2, "205", "대광물류", "617-81-11963", "서대광", "010-5109-2009", 17, 1_700_000, false, 0),
            new Tenant("HN-210", HANUL, HANUL_2, "301", "경일정밀", "104-81-24749", "장경일", "010-5110-2010", -12, 1_300_000, false, PREPAID),
            new Tenant("SD-B20", SEODONG, SEODONG_1, "B20", "푸른식품", "229-81-16965", "유푸른", "010-5111-2011", 9, 900_000, true, null),
            new Tenant("SD-B21", SEODONG, SEODONG_1, "B21", "한빛소재", "507-86-11598", "임한빛", "010-5112-2012", 40, 1_100_000, true, null));

    private static final String HEADER = "lease_code,landlord_name,landlord_business_no,landlord_address,landlord_phone,"
            + "landlord_bank_name,landlord_bank_account,landlord_account_holder,building_name,building_address,units,"
            + "tenant_name,tenant_business_no,tenant_representative,tenant_phone,tenant_email,tenant_address,start_date,"
            + "end_date,monthly_rent,management_fee,deposit,due_day,vat_applies,late_interest_percent,merchant,commercial_act\n";

    private final Ledger ledger;
    private final LedgerViews views;
    private final LeaseImport leases;
    private final PaymentImport payments;
    private final Users users;
    private final EscalationRuns runs;
    private final Cases cases;
    private final NoticeWorkflow notices;
    private final Clock clock;
    private final org.springframework.core.env.Environment env;

    DemoData(Ledger ledger, LedgerViews views, LeaseImport leases, PaymentImport payments, Users users, EscalationRuns runs,
            Cases cases, NoticeWorkflow notices, Clock clock, org.springframework.core.env.Environment env) {
        this.env = env;
        this.ledger = ledger;
        this.views = views;
        this.users = users;
        this.leases = leases;
        this.payments = payments;
        this.runs = runs;
        this.cases = cases;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!views.leases(Viewer.SYSTEM, null, null, null, 1, 0).isEmpty()) {
            log.info("demo data: the database already has leases, nothing loaded. " + accounts());
            return;
        }
        LocalDate today = BusinessTime.today(clock);
        var l = leases.importFile(read("demo/leases.csv"), "demo/leases.csv", Viewer.SYSTEM_NAME);
        var p = payments.importFile(read("demo/payments.csv"), "demo/payments.csv", Viewer.SYSTEM_NAME);
        var dated = leases.importFile(datedLeases(today), "demo/dated-leases.csv", Viewer.SYSTEM_NAME);
        payments.importFile(datedPayments(today), "demo/dated-payments.csv", Viewer.SYSTEM_NAME);

        long landlord = views.landlords(Viewer.SYSTEM).stream().filter(x -> x.name().equals("한울산업개발")).findFirst()
                .orElseThrow().id();
        // opened as an ADMIN opens them (/admin/users, POST /api/users): the demo password is temporary and
        // the first sign-in asks for a new one
        users.open("manager", Role.MANAGER, null, "김관리", "manager-demo", Viewer.SYSTEM_NAME);
        users.open("manager2", Role.MANAGER, null, "이담당", "manager2-demo", Viewer.SYSTEM_NAME);
        users.open("landlord", Role.LANDLORD, landlord, "한울산업개발", "landlord-demo", Viewer.SYSTEM_NAME);

        // ten days ago reminders went out; today the ladder moves on, and 대광물류, paying today after its
        // reminder, shows on the landlord's summary as recovered
        runs.start(today.minusDays(10), false, Viewer.SYSTEM_NAME);
        runs.start(today, false, Viewer.SYSTEM_NAME);
        long paused = caseOf("HN-208");
        cases.pause(paused, today.plusDays(14), "분할 납부 약정 (2회 분납)", "manager2");
        long notice = notices.list(Viewer.SYSTEM, null, null, leaseId("HN-205"), 1, 0).get(0).id();
        notices.submit(notice, Viewer.staff("manager2", Viewer.Role.MANAGER));

        log.info("demo data loaded for {}: {} example and {} dated leases, {} payments; notice {} waits for approval. {}",
                today, l.leasesCreated(), dated.leasesCreated(), p.recorded(), notice, accounts());
    }

    private String accounts() {
        return "Sign in at http://localhost:" + env.getProperty("local.server.port", "8080") + "/login — manager/manager-demo (MANAGER), landlord/landlord-demo "
                + "(LANDLORD of 한울산업개발), manager2/manager2-demo (MANAGER), admin/admin-demo (ADMIN); the first three are "
                + "temporary passwords, changed at the first sign-in.";
    }

    private long caseOf(String leaseCode) {
        long lease = leaseId(leaseCode);
        return cases.openCases(List.of(lease)).get(lease).caseId();
    }

    private long leaseId(String code) {
        return views.leaseIdByCode(code).orElseThrow();
    }

    /** Each lease starts in the month of its first unpaid due date, due on that day of the month. */
    private static byte[] datedLeases(LocalDate today) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Tenant t : TENANTS) {
            LocalDate firstDue = today.minusDays(t.overdue());
            if (t.paidDaysAgo() != null && t.overdue() < 0) {
                firstDue = firstDue.minusMonths(2); // paid up: two months paid, the next one due soon
            }
            LocalDate start = firstDue.withDayOfMonth(1);
            long fee = t.rent() / 10;
            String[] building = t.building().split(",", 2);
            csv.append(String.join(",", t.code(), t.landlord(), building[0], building[1], t.unit(), t.name(), t.businessNo(),
                    t.representative(), t.phone(), "account@" + t.code().toLowerCase() + ".example",
                    building[1] + " " + t.unit() + "호", start.toString(), start.plusYears(2).minusDays(1).toString(),
                    String.valueOf(t.rent()), String.valueOf(fee), String.valueOf(t.rent() * 10),
                    String.valueOf(firstDue.getDayOfMonth()), "Y", "", "Y", t.commercialAct() ? "Y" : "N")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Tenants that pay: every charge due by the payment day, in one transfer. */
    private byte[] datedPayments(LocalDate today) {
        StringBuilder csv = new StringBuilder("bank_reference,paid_on,amount,lease_code,payer_name\n");
        for (Tenant t : TENANTS) {
            if (t.paidDaysAgo() == null) {
                continue;
            }
            LocalDate paidOn = t.paidDaysAgo() == PREPAID ? null : today.minusDays(t.paidDaysAgo());
            long lease = leaseId(t.code());
            long owed = ledger.charges(List.of(lease), paidOn == null ? today : paidOn).getOrDefault(lease, List.of()).stream()
                    .mapToLong(Charge::total).sum();
            if (paidOn == null) {
                paidOn = views.lease(Viewer.SYSTEM, lease).orElseThrow().startDate();
            }
            csv.append(String.join(",", "DEMO-" + t.code() + "-" + paidOn, paidOn.toString(), String.valueOf(owed), t.code(),
                    t.name())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}

package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault drill: over a thousand malformed import rows and a few hundred malformed JSON payloads, generated
 * from a fixed seed. Every one must be answered with a problem response that names what is wrong, and
 * nothing may be stored: the ledger tables keep their row counts and the audit chain stays intact.
 */
@ServiceTest
class MalformedInputDrillTest {

    static final long SEED = 20260223L;
    static final String SQL = "'); DROP TABLE lease; --";
    static final String HTML = "<script>alert(1)</script>";
    static final List<String> TABLES = List.of("landlord", "building", "unit", "tenant", "lease", "charge", "payment");
    static final String LEASE_HEADER = "lease_code,landlord_name,landlord_business_no,building_name,units,tenant_name,"
            + "tenant_business_no,tenant_phone,start_date,end_date,monthly_rent,management_fee,deposit,due_day,late_interest_percent";
    static final String PAYMENT_HEADER = "bank_reference,paid_on,amount,lease_code,payer_name";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final Random random = new Random(SEED);
    final Map<String, Integer> sent = new TreeMap<>();
    int leaseSeq = 0;

    record Answer(int status, String contentType, String raw, JsonNode body) {}

    /** A planted bad cell: the row as a spreadsheet numbers it and the column. */
    record Cell(int row, String column) {}

    @Test
    void every_malformed_input_is_refused_with_a_problem_naming_it_and_nothing_is_stored() throws Exception {
        long started = System.nanoTime();
        controls();
        Map<String, Long> before = counts();
        long auditBefore = count("audit_event");

        int badLeaseRows = 0;
        for (int f = 0; f < 6; f++) {
            badLeaseRows += leaseFile(f, 100, 20, f == 5 ? Charset.forName("x-windows-949") : StandardCharsets.UTF_8);
        }
        int badPaymentRows = 0;
        for (int f = 0; f < 4; f++) {
            badPaymentRows += paymentFile(f, 100, 10);
        }
        wholeFiles();
        jsonPayloads(250);
        unparseableJson();
        queryParameters();

        assertThat(counts()).as("nothing stored by any malformed input").isEqualTo(before);
        assertThat(count("audit_event")).as("no audit event written for a refused input").isEqualTo(auditBefore);
        JsonNode verify = get("/api/audit/verify").body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(badLeaseRows + badPaymentRows).isGreaterThanOrEqualTo(1000);

        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> byGroup = new TreeMap<>();
        sent.forEach((kind, k) -> byGroup.merge(kind.substring(0, kind.indexOf(':')), k, Integer::sum));
        System.out.printf("MALFORMED INPUT DRILL: %d malformed inputs sent, all rejected, nothing stored: %s "
                        + "(lease rows in 6 files, payment rows in 4 files); per kind %s; %.1f s%n",
                total, byGroup, sent, (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------- valid controls

    /** Valid inputs whose names carry SQL and HTML: stored verbatim as plain text, and the tables survive. */
    void controls() throws Exception {
        String csv = LEASE_HEADER + "\n"
                + "CTL-1,\"" + SQL + "\",220-81-62517,대조공장,101,\"" + HTML + "\",124-81-00004,010-2345-6789,"
                + "2026-01-01,2027-12-31,1000000,100000,10000000,10,\n"
                + "CTL-2,\"" + SQL + "\",220-81-62517,대조공장,102,\"" + SQL + "\",135-86-12349,,"
                + "2026-01-01,2027-12-31,2000000,0,20000000,25,12\n";
        Answer imported = postCsv("/api/imports/leases", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        Answer payments = postCsv("/api/imports/payments", (PAYMENT_HEADER + "\nCTL-P1,2026-01-10,1100000,CTL-1,\"" + HTML
                + "\"\n").getBytes(StandardCharsets.UTF_8));
        assertThat(payments.status()).as(payments.raw()).isEqualTo(200);
        Answer landlord = postJson("/api/landlords", Map.of("name", HTML + SQL, "businessNo", "130-87-00016"));
        assertThat(landlord.status()).as(landlord.raw()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT name FROM tenant WHERE business_no = '1248100004'").query(String.class).single()).isEqualTo(HTML);
        assertThat(jdbc.sql("SELECT name FROM tenant WHERE business_no = '1358612349'").query(String.class).single()).isEqualTo(SQL);
        assertThat(jdbc.sql("SELECT name FROM landlord WHERE business_no = '2208162517'").query(String.class).single()).isEqualTo(SQL);
        assertThat(jdbc.sql("SELECT name FROM landlord WHERE business_no = '1308700016'").query(String.class).single())
                .isEqualTo(HTML + SQL);
        assertThat(landlord.body().get("name").asText()).isEqualTo(HTML + SQL); // answered as JSON text, not markup
        assertThat(count("lease")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- lease files

    enum LeaseFault {
        TENANT_BN_CHECK_DIGIT("tenant_business_no"), LANDLORD_BN_CHECK_DIGIT("landlord_business_no"),
        TENANT_BN_SHAPE("tenant_business_no"), NEGATIVE_RENT("monthly_rent"), NON_NUMERIC_DEPOSIT("deposit"),
        NEGATIVE_FEE("management_fee"), FEB_30("start_date"), MONTH_13("end_date"), APRIL_31("start_date"),
        DUE_DAY_0("due_day"), DUE_DAY_32("due_day"), DUE_DAY_TEXT("due_day"), MISSING_TENANT_NAME("tenant_name"),
        MISSING_LEASE_CODE("lease_code"), MISSING_UNITS("units"), MISSING_START("start_date"), MISSING_DEPOSIT("deposit"),
        LONG_TENANT_NAME("tenant_name"), LONG_LANDLORD_NAME("landlord_name"), BAD_PHONE("tenant_phone"),
        BAD_LEASE_CODE("lease_code"), BAD_UNIT("units"), END_BEFORE_START("end_date"), INTEREST_150("late_interest_percent"),
        UNIT_LET_TWICE("units"), LEASE_CODE_TWICE("lease_code"), SQL_NAME_BAD_BN("tenant_business_no"),
        HTML_NAME_NEGATIVE_RENT("monthly_rent");

        final String column;

        LeaseFault(String column) {
            this.column = column;
        }
    }

    /** A file of {@code bad} bad rows and {@code good} good ones mixed; returns the number of bad rows. */
    int leaseFile(int file, int bad, int good, Charset charset) throws Exception {
        String[] header = LEASE_HEADER.split(",");
        List<String> lines = new ArrayList<>(List.of(LEASE_HEADER));
        Set<Cell> planted = new HashSet<>();
        Set<Integer> goodRows = new HashSet<>();
        List<Map<String, String>> applied = new ArrayList<>();
        String landlordBn = businessNo();
        List<Boolean> plan = new ArrayList<>();
        for (int i = 0; i < bad; i++) plan.add(true);
        for (int i = 0; i < good; i++) plan.add(false);
        java.util.Collections.shuffle(plan, random);
        plan.add(0, false); // a good row first, so a unit or code can be reused
        LeaseFault[] faults = LeaseFault.values();
        for (boolean isBad : plan) {
            int row = lines.size() + 1;
            Map<String, String> r = goodLeaseRow(file, landlordBn);
            if (isBad) {
                LeaseFault fault = faults[random.nextInt(faults.length)];
                plantLease(fault, r, applied.get(random.nextInt(applied.size())));
                planted.add(new Cell(row, fault.column));
                sent.merge("lease row: " + fault.name().toLowerCase(), 1, Integer::sum);
            } else {
                goodRows.add(row);
                applied.add(r);
            }
            StringBuilder line = new StringBuilder();
            for (String column : header) {
                line.append(line.isEmpty() && column.equals(header[0]) ? "" : ",").append(quote(r.get(column)));
            }
            lines.add(line.toString());
        }
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(charset);
        Answer a = random.nextBoolean() ? postCsv("/api/imports/leases", bytes) : postFile("/api/imports/leases", "leases.csv", bytes);
        assertRejectedImport(a, planted, goodRows);
        return bad;
    }

    Map<String, String> goodLeaseRow(int file, String landlordBn) {
        int n = ++leaseSeq;
        Map<String, String> r = new LinkedHashMap<>();
        r.put("lease_code", "DR-" + file + "-" + n);
        r.put("landlord_name", "드릴산업" + file);
        r.put("landlord_business_no", landlordBn);
        r.put("building_name", "드릴공장" + file);
        r.put("units", String.valueOf(1000 + n));
        r.put("tenant_name", "(주)시험" + n);
        r.put("tenant_business_no", businessNo());
        r.put("tenant_phone", random.nextBoolean() ? "010-" + (2000 + random.nextInt(7000)) + "-" + (1000 + random.nextInt(9000)) : "");
        r.put("start_date", "2026-0" + (1 + random.nextInt(3)) + "-01");
        r.put("end_date", "2027-12-31");
        r.put("monthly_rent", random.nextBoolean() ? String.format("%,d", 100_000 * (1 + random.nextInt(50))) : String.valueOf(100_000 * (1 + random.nextInt(50))));
        r.put("management_fee", String.valueOf(10_000 * random.nextInt(20)));
        r.put("deposit", String.valueOf(1_000_000 * (1 + random.nextInt(50))));
        r.put("due_day", String.valueOf(1 + random.nextInt(31)));
        r.put("late_interest_percent", random.nextBoolean() ? "" : String.valueOf(random.nextInt(20)));
        return r;
    }

    void plantLease(LeaseFault fault, Map<String, String> r, Map<String, String> earlier) {
        switch (fault) {
            case TENANT_BN_CHECK_DIGIT -> r.put("tenant_business_no", wrongCheckDigit(r.get("tenant_business_no")));
            case LANDLORD_BN_CHECK_DIGIT -> r.put("landlord_business_no", wrongCheckDigit(r.get("landlord_business_no")));
            case TENANT_BN_SHAPE -> r.put("tenant_business_no", pick("12345", "abc-de-fghij", "220-81-625170", "사업자번호"));
            case NEGATIVE_RENT -> r.put("monthly_rent", "-" + (1 + random.nextInt(5_000_000)));
            case NON_NUMERIC_DEPOSIT -> r.put("deposit", pick("천만원", "10,000,000달러", "1e7", "12a000", "--5"));
            case NEGATIVE_FEE -> r.put("management_fee", "-" + (1 + random.nextInt(500_000)));
            case FEB_30 -> r.put("start_date", "2026-02-30");
            case MONTH_13 -> r.put("end_date", "2026-13-01");
            case APRIL_31 -> r.put("start_date", pick("2026-04-31", "2026-06-31", "2026-00-10", "2026-01-32", "어제"));
            case DUE_DAY_0 -> r.put("due_day", "0");
            case DUE_DAY_32 -> r.put("due_day", "32");
            case DUE_DAY_TEXT -> r.put("due_day", pick("말일", "x", "-1", "10.5"));
            case MISSING_TENANT_NAME -> r.put("tenant_name", "");
            case MISSING_LEASE_CODE -> r.put("lease_code", "");
            case MISSING_UNITS -> r.put("units", "");
            case MISSING_START -> r.put("start_date", "");
            case MISSING_DEPOSIT -> r.put("deposit", "");
            case LONG_TENANT_NAME -> r.put("tenant_name", "가".repeat(201 + random.nextInt(300)));
            case LONG_LANDLORD_NAME -> r.put("landlord_name", "A".repeat(201 + random.nextInt(300)));
            case BAD_PHONE -> r.put("tenant_phone", pick("010-12-34", "02-12", "phone", "123", "010-1234-56789"));
            case BAD_LEASE_CODE -> r.put("lease_code", pick("DR 1", "DR/1", "계약-1", SQL, HTML));
            case BAD_UNIT -> r.put("units", pick("3층", "301-1-1", "AB301", "301;3층", "123456"));
            case END_BEFORE_START -> r.put("end_date", "2025-12-31");
            case INTEREST_150 -> r.put("late_interest_percent", pick("150", "-3", "열두"));
            case UNIT_LET_TWICE -> r.put("units", earlier.get("units"));
            case LEASE_CODE_TWICE -> r.put("lease_code", earlier.get("lease_code"));
            case SQL_NAME_BAD_BN -> {
                r.put("tenant_name", SQL);
                r.put("tenant_business_no", wrongCheckDigit(r.get("tenant_business_no")));
            }
            case HTML_NAME_NEGATIVE_RENT -> {
                r.put("tenant_name", HTML);
                r.put("monthly_rent", "-1");
            }
        }
        if (fault == LeaseFault.UNIT_LET_TWICE) {
            r.put("start_date", "2026-03-01"); // inside the earlier lease's period
        }
    }

    // ---------------------------------------------------------------- payment files

    enum PaymentFault {
        UNKNOWN_LEASE("lease_code"), NEGATIVE_AMOUNT("amount"), ZERO_AMOUNT("amount"), NON_NUMERIC_AMOUNT("amount"),
        FEB_30("paid_on"), MONTH_13("paid_on"), MISSING_REFERENCE("bank_reference"), MISSING_AMOUNT("amount"),
        MISSING_LEASE("lease_code"), LONG_REFERENCE("bank_reference"), LONG_PAYER("payer_name"),
        SQL_LEASE_CODE("lease_code"), HTML_PAYER_NEGATIVE("amount");

        final String column;

        PaymentFault(String column) {
            this.column = column;
        }
    }

    int paymentFile(int file, int bad, int good) throws Exception {
        List<String> lines = new ArrayList<>(List.of(PAYMENT_HEADER));
        Set<Cell> planted = new HashSet<>();
        Set<Integer> goodRows = new HashSet<>();
        List<Boolean> plan = new ArrayList<>();
        for (int i = 0; i < bad; i++) plan.add(true);
        for (int i = 0; i < good; i++) plan.add(false);
        java.util.Collections.shuffle(plan, random);
        PaymentFault[] faults = PaymentFault.values();
        for (boolean isBad : plan) {
            int row = lines.size() + 1;
            Map<String, String> r = new LinkedHashMap<>();
            r.put("bank_reference", "DRP-" + file + "-" + row);
            r.put("paid_on", "2026-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(18)));
            r.put("amount", String.valueOf(1000 * (1 + random.nextInt(3000))));
            r.put("lease_code", random.nextBoolean() ? "CTL-1" : "CTL-2");
            r.put("payer_name", random.nextBoolean() ? "시험입금" : "");
            if (isBad) {
                PaymentFault fault = faults[random.nextInt(faults.length)];
                switch (fault) {
                    case UNKNOWN_LEASE -> r.put("lease_code", "NO-SUCH-" + random.nextInt(1000));
                    case NEGATIVE_AMOUNT -> r.put("amount", "-" + (1 + random.nextInt(1_000_000)));
                    case ZERO_AMOUNT -> r.put("amount", "0");
                    case NON_NUMERIC_AMOUNT -> r.put("amount", pick("십만원", "1.000.000", "abc", "1e5", "$100"));
                    case FEB_30 -> r.put("paid_on", "2026-02-30");
                    case MONTH_13 -> r.put("paid_on", pick("2026-13-01", "2026-04-31", "2026/02/29", "31.12.2026"));
                    case MISSING_REFERENCE -> r.put("bank_reference", "");
                    case MISSING_AMOUNT -> r.put("amount", "");
                    case MISSING_LEASE -> r.put("lease_code", "");
                    case LONG_REFERENCE -> r.put("bank_reference", "R".repeat(101 + random.nextInt(200)));
                    case LONG_PAYER -> r.put("payer_name", "입".repeat(201 + random.nextInt(200)));
                    case SQL_LEASE_CODE -> r.put("lease_code", SQL);
                    case HTML_PAYER_NEGATIVE -> {
                        r.put("payer_name", HTML);
                        r.put("amount", "-100");
                    }
                }
                planted.add(new Cell(row, fault.column));
                sent.merge("payment row: " + fault.name().toLowerCase(), 1, Integer::sum);
            } else {
                goodRows.add(row);
            }
            lines.add(String.join(",", r.values().stream().map(MalformedInputDrillTest::quote).toList()));
        }
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Answer a = random.nextBoolean() ? postCsv("/api/imports/payments", bytes) : postFile("/api/imports/payments", "payments.csv", bytes);
        assertRejectedImport(a, planted, goodRows);
        return bad;
    }

    void assertRejectedImport(Answer a, Set<Cell> planted, Set<Integer> goodRows) {
        assertProblem(a, 422);
        assertThat(a.body().get("type").asText()).isEqualTo("urn:arrears:problem:import-rejected");
        Set<Cell> named = new HashSet<>();
        for (JsonNode e : a.body().get("errors")) {
            named.add(new Cell(e.get("row").asInt(), e.get("column").asText()));
            assertThat(e.get("message").asText()).as(e.toString()).isNotBlank();
        }
        assertThat(named).as("every planted bad cell is named; answer: %s", a.raw()).containsAll(planted);
        assertThat(named).as("no good row is blamed").noneMatch(c -> goodRows.contains(c.row()));
    }

    // ---------------------------------------------------------------- files bad as a whole

    void wholeFiles() throws Exception {
        for (String path : List.of("/api/imports/leases", "/api/imports/payments")) {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            garbage[0] = (byte) 0x89; // neither UTF-8 nor CP949
            garbage[1] = (byte) 0xFF;
            whole("binary garbage", postCsv(path, garbage), 422, "UTF-8이나 EUC-KR");
            whole("binary garbage", postFile(path, "x.csv", garbage), 422, "UTF-8이나 EUC-KR");
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, (byte) 0xFE, 0};
            whole("binary garbage", postCsv(path, png), 422, "UTF-8이나 EUC-KR");
            String header = path.endsWith("leases") ? LEASE_HEADER : PAYMENT_HEADER;
            whole("utf-16 text", postCsv(path, (header + "\n").getBytes(StandardCharsets.UTF_16LE)), 422, "UTF-8이나 EUC-KR");
            whole("empty file", postFile(path, "empty.csv", new byte[0]), 422, null);
            whole("empty file", postCsv(path, "\n\n".getBytes(StandardCharsets.UTF_8)), 422, null);
            whole("header only", postCsv(path, (header + "\n").getBytes(StandardCharsets.UTF_8)), 422, "데이터 행이 없습니다");
            whole("header only", postFile(path, "h.csv", (header + "\r\n,,,,\r\n").getBytes(Charset.forName("x-windows-949"))), 422, "데이터 행이 없습니다");
            Answer missing = postCsv(path, "bank_reference,amount\nX,1000\n".getBytes(StandardCharsets.UTF_8));
            whole("missing columns", missing, 422, null);
            assertThat(missing.body().get("errors")).allMatch(e -> e.get("row").asInt() == 1);
            Answer unknown = postCsv(path, (header + ",hacker_column\n" + "a,".repeat(header.split(",").length) + "x\n")
                    .getBytes(StandardCharsets.UTF_8));
            whole("unknown column", unknown, 422, null);
            assertThat(unknown.body().get("errors")).anyMatch(e -> e.get("column").asText().equals("hacker_column"));
            whole("unbalanced quote", postCsv(path, (header + "\n\"DR-1,unterminated\n").getBytes(StandardCharsets.UTF_8)), 422,
                    "CSV로 읽을 수 없는");
            byte[] big = new byte[21 * 1024 * 1024];
            byte[] line = ("\n" + "A".repeat(99)).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < big.length; i++) big[i] = line[i % line.length];
            whole("oversize file (21 MB)", postFile(path, "big.csv", big), 413, null);
        }
        // EUC-KR with bad cells: the Korean value comes back as written
        String euc = LEASE_HEADER + "\nEUC-1,한글임대인,220-81-62517,한글공장,501,한글임차(주),123-45-67890,,2026-02-30,2027-12-31,1000000,0,1000000,5,\n";
        Answer a = postCsv("/api/imports/leases", euc.getBytes(Charset.forName("x-windows-949")));
        assertRejectedImport(a, Set.of(new Cell(2, "tenant_business_no"), new Cell(2, "start_date")), Set.of());
        sent.merge("whole file: euc-kr with bad cells", 1, Integer::sum);
    }

    void whole(String kind, Answer a, int status, String detail) {
        assertProblem(a, status);
        if (detail != null) {
            assertThat(a.body().get("detail").asText()).contains(detail);
        }
        sent.merge("whole file: " + kind, 1, Integer::sum);
    }

    // ---------------------------------------------------------------- JSON payloads

    record JsonCase(String kind, String path, Consumer<Map<String, Object>> base, String field, Object value) {}

    void jsonPayloads(int n) throws Exception {
        long leaseId = jdbc.sql("SELECT id FROM lease WHERE code = 'CTL-1'").query(Long.class).single();
        long tenantId = jdbc.sql("SELECT id FROM tenant LIMIT 1").query(Long.class).single();
        long buildingId = jdbc.sql("SELECT id FROM building LIMIT 1").query(Long.class).single();
        Consumer<Map<String, Object>> landlord = m -> {
            m.put("name", pick("신규임대", SQL, HTML));
            m.put("businessNo", "220-81-62517");
            m.put("phone", "031-355-1200");
        };
        Consumer<Map<String, Object>> tenant = m -> {
            m.put("name", pick("신규임차", SQL, HTML));
            m.put("businessNo", "124-81-00004");
            m.put("phone", "010-2345-6789");
        };
        Consumer<Map<String, Object>> building = m -> {
            m.put("landlordId", 1);
            m.put("name", pick("신규공장", SQL, HTML));
            m.put("units", List.of("101"));
        };
        Consumer<Map<String, Object>> lease = m -> {
            m.put("code", "JS-" + random.nextInt(100000));
            m.put("tenantId", tenantId);
            m.put("buildingId", buildingId);
            m.put("units", List.of("9" + random.nextInt(1000)));
            m.put("startDate", "2026-01-01");
            m.put("endDate", "2027-12-31");
            m.put("monthlyRent", 1_000_000);
            m.put("managementFee", 0);
            m.put("deposit", 10_000_000);
            m.put("dueDay", 10);
        };
        Consumer<Map<String, Object>> payment = m -> {
            m.put("bankReference", "JSP-" + random.nextInt(100000));
            m.put("paidOn", "2026-02-02");
            m.put("amount", 1000);
            m.put("payerName", pick("입금자", SQL, HTML));
        };
        Consumer<Map<String, Object>> charge = m -> {
            m.put("kind", "ELECTRICITY");
            m.put("period", "2026-02");
            m.put("dueDate", "2026-03-10");
            m.put("amount", 50000);
        };
        Consumer<Map<String, Object>> pause = m -> {
            m.put("until", "2026-05-01");
            m.put("reason", "분할 납부 약속");
        };
        Consumer<Map<String, Object>> run = m -> m.put("businessDate", "2026-03-02");
        String payments = "/api/leases/" + leaseId + "/payments";
        String charges = "/api/leases/" + leaseId + "/charges";
        List<JsonCase> cases = new ArrayList<>();
        for (String bn : List.of("123-45-67890", "220-81-62518", "12345", "abcdefghij", "220816251")) {
            cases.add(new JsonCase("bad business number", "/api/landlords", landlord, "businessNo", bn));
            cases.add(new JsonCase("bad business number", "/api/tenants", tenant, "businessNo", bn));
        }
        for (String phone : List.of("010-12-34", "02-12", "phone", "123", "010-1234-56789")) {
            cases.add(new JsonCase("bad phone", "/api/landlords", landlord, "phone", phone));
            cases.add(new JsonCase("bad phone", "/api/tenants", tenant, "phone", phone));
        }
        cases.add(new JsonCase("bad email", "/api/tenants", tenant, "email", "not-an-email"));
        cases.add(new JsonCase("missing required", "/api/tenants", tenant, "businessNo", null));
        cases.add(new JsonCase("missing required", "/api/landlords", landlord, "name", "  "));
        cases.add(new JsonCase("over-long name", "/api/landlords", landlord, "name", "가".repeat(201)));
        cases.add(new JsonCase("over-long name", "/api/tenants", tenant, "name", SQL.repeat(20)));
        cases.add(new JsonCase("over-long name", "/api/buildings", building, "name", HTML.repeat(10)));
        cases.add(new JsonCase("wrong type", "/api/buildings", building, "landlordId", "abc"));
        cases.add(new JsonCase("wrong type", "/api/buildings", building, "units", Map.of("a", 1)));
        cases.add(new JsonCase("bad unit", "/api/buildings", building, "units", List.of("301-1-1")));
        cases.add(new JsonCase("bad unit", "/api/leases", lease, "units", List.of("3층")));
        cases.add(new JsonCase("missing required", "/api/leases", lease, "units", List.of()));
        for (String date : List.of("2026-02-30", "2026-13-01", "2026-04-31", "31/12/2026", "2026-00-10", "tomorrow")) {
            cases.add(new JsonCase("impossible date", "/api/leases", lease, "startDate", date));
            cases.add(new JsonCase("impossible date", payments, payment, "paidOn", date));
            cases.add(new JsonCase("impossible date", charges, charge, "dueDate", date));
            cases.add(new JsonCase("impossible date", "/api/cases/1/pause", pause, "until", date));
            cases.add(new JsonCase("impossible date", "/api/escalation/runs", run, "businessDate", date));
        }
        cases.add(new JsonCase("end before start", "/api/leases", lease, "endDate", "2025-01-01"));
        for (long amount : List.of(-1L, -1_000_000L, Long.MIN_VALUE)) {
            cases.add(new JsonCase("negative amount", "/api/leases", lease, "monthlyRent", amount));
            cases.add(new JsonCase("negative amount", "/api/leases", lease, "deposit", amount));
            cases.add(new JsonCase("negative amount", "/api/leases", lease, "managementFee", amount));
            cases.add(new JsonCase("negative amount", payments, payment, "amount", amount));
            cases.add(new JsonCase("negative amount", charges, charge, "amount", amount));
            cases.add(new JsonCase("negative amount", charges, charge, "vat", amount));
        }
        cases.add(new JsonCase("zero amount", payments, payment, "amount", 0));
        for (Object v : List.of("천원", "1,000", true, List.of(1), "99999999999999999999999")) {
            cases.add(new JsonCase("wrong type", payments, payment, "amount", v));
            cases.add(new JsonCase("wrong type", "/api/leases", lease, "monthlyRent", v));
        }
        for (int day : List.of(0, 32, -5, 100)) {
            cases.add(new JsonCase("bad due day", "/api/leases", lease, "dueDay", day));
        }
        cases.add(new JsonCase("bad lease code", "/api/leases", lease, "code", SQL));
        cases.add(new JsonCase("bad lease code", "/api/leases", lease, "code", HTML));
        cases.add(new JsonCase("bad interest", "/api/leases", lease, "lateInterestPercent", 150));
        cases.add(new JsonCase("bad interest", "/api/leases", lease, "lateInterestPercent", -1));
        for (String kind : List.of("GAS", "rent_", "", "전기료", SQL)) {
            cases.add(new JsonCase("unknown enum value", charges, charge, "kind", kind));
        }
        cases.add(new JsonCase("bad month", charges, charge, "period", "2026-13"));
        cases.add(new JsonCase("bad month", charges, charge, "period", "2026/02"));
        cases.add(new JsonCase("over-long reference", payments, payment, "bankReference", "R".repeat(101)));
        cases.add(new JsonCase("missing required", payments, payment, "bankReference", null));
        cases.add(new JsonCase("missing required", "/api/cases/1/pause", pause, "reason", ""));
        cases.add(new JsonCase("wrong type", "/api/escalation/runs", run, "dryRun", "perhaps"));

        for (int i = 0; i < n; i++) {
            JsonCase c = i < cases.size() ? cases.get(i) : cases.get(random.nextInt(cases.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            c.base().accept(body);
            body.put(c.field(), c.value());
            Answer a = postJson(c.path(), body);
            assertProblem(a, 422);
            assertThat(a.body().get("type").asText()).isEqualTo("urn:arrears:problem:invalid-input");
            assertThat(a.body().get("errors")).as(c + " → " + a.raw())
                    .anyMatch(e -> e.get("field").asText().equals(c.field()) || e.get("field").asText().startsWith(c.field() + "["));
            sent.merge("json: " + c.kind(), 1, Integer::sum);
        }
    }

    void unparseableJson() throws Exception {
        List<String> bodies = List.of("{", "{\"name\": }", "not json", "[1,2", "{\"name\":\"x\",}", "{'name':'x'}",
                "\"" + SQL, HTML, "\u0000\u0001");
        List<String> paths = List.of("/api/landlords", "/api/tenants", "/api/buildings", "/api/leases", "/api/escalation/runs");
        for (String path : paths) {
            for (String body : bodies) {
                Answer a = send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
                assertProblem(a, 400);
                sent.merge("json: unparseable", 1, Integer::sum);
            }
        }
    }

    void queryParameters() throws Exception {
        for (String asOf : List.of("2026-02-30", "2026-13-01", "yesterday", "2026-04-31")) {
            Answer a = get("/api/arrears?asOf=" + asOf);
            assertProblem(a, 422);
            assertThat(a.body().get("errors")).anyMatch(e -> e.get("field").asText().equals("asOf"));
            sent.merge("query: bad asOf", 1, Integer::sum);
        }
    }

    // ---------------------------------------------------------------- assertions and HTTP

    void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.contentType()).as(a.raw()).startsWith("application/problem+json");
        assertThat(a.body().path("title").asText()).as(a.raw()).isNotBlank();
        assertThat(a.raw()).as("no stack trace or class name")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at kr.fm").doesNotContain("java.")
                .doesNotContain("org.springframework").doesNotContain("com.fasterxml").doesNotContain("org.apache")
                .doesNotContain("SQLState").doesNotContain("PSQL");
    }

    Answer get(String path) throws Exception {
        return exchange(request(path).GET());
    }

    Answer postJson(String path, Object body) throws Exception {
        return send("POST", path, "application/json", json.writeValueAsBytes(body));
    }

    Answer postCsv(String path, byte[] csv) throws Exception {
        return send("POST", path, "text/csv", csv);
    }

    Answer postFile(String path, String fileName, byte[] content) throws Exception {
        String boundary = "drill" + Long.toHexString(random.nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    Answer send(String method, String path, String contentType, byte[] body) throws Exception {
        return exchange(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    Answer exchange(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String raw = res.body();
        JsonNode body = raw.isEmpty() ? json.createObjectNode() : json.readTree(raw);
        return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), raw, body);
    }

    // ---------------------------------------------------------------- data

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(t -> counts.put(t, count(t)));
        return counts;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** A 사업자등록번호 with a correct check digit. */
    String businessNo() {
        int[] d = new int[10];
        for (int i = 0; i < 9; i++) d[i] = random.nextInt(10);
        d[0] = 1 + random.nextInt(9);
        d[9] = checkDigit(d);
        return format(d);
    }

    static int checkDigit(int[] d) {
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += d[i] * w[i];
        sum += d[8] * 5 / 10;
        return (10 - sum % 10) % 10;
    }

    String wrongCheckDigit(String bn) {
        char[] c = bn.toCharArray();
        int last = c.length - 1;
        c[last] = (char) ('0' + (c[last] - '0' + 1 + random.nextInt(9)) % 10);
        return new String(c);
    }

    static String format(int[] d) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(d[i]);
            if (i == 2 || i == 4) s.append('-');
        }
        return s.toString();
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    static String quote(String v) {
        if (v == null) return "";
        return v.contains(",") || v.contains("\"") || v.contains(";") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

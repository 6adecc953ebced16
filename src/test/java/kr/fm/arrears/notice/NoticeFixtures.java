package kr.fm.arrears.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kr.fm.arrears.support.Api;

/**
 * Two leases that have paid nothing since 1 October 2025, imported through the API. On the test
 * clock's 15 April 2026 each has 14 overdue charges: rent and fee due on the 10th of October to April.
 */
final class NoticeFixtures {

    /** Civil code lease: rent 2,000,000 + fee 200,000 (+10% VAT each), 12% contractual interest. */
    static final String CIVIL = "NT-CIVIL";
    /** Commercial Building Lease Protection Act applies: rent 1,500,000 + fee 150,000, statutory 6%. */
    static final String COMMERCIAL = "NT-ACT";

    private static final String CSV = """
            lease_code,landlord_name,landlord_business_no,landlord_address,landlord_phone,landlord_bank_name,landlord_bank_account,landlord_account_holder,building_name,building_address,units,tenant_name,tenant_business_no,tenant_representative,tenant_phone,tenant_email,tenant_address,start_date,end_date,monthly_rent,management_fee,deposit,due_day,vat_applies,late_interest_percent,merchant,commercial_act
            NT-CIVIL,한울산업개발,220-81-62517,경기도 화성시 향남읍 발안공단로 12,031-355-1200,국민은행,123-45-6789-012,한울산업개발(주),한울 제1공장,경기도 화성시 향남읍 발안공단로 12,201,(주)대성정밀,124-81-00004,김대성,010-2345-6789,ds@daesung.example,경기도 화성시 향남읍 발안공단로 12 201호,2025-10-01,2027-09-30,2000000,200000,20000000,10,Y,12,Y,N
            NT-ACT,한울산업개발,220-81-62517,경기도 화성시 향남읍 발안공단로 12,031-355-1200,국민은행,123-45-6789-012,한울산업개발(주),한울 제1공장,경기도 화성시 향남읍 발안공단로 12,202,미래테크(주),135-86-12349,이미래,010-3456-7890,info@miraetech.example,경기도 화성시 향남읍 발안공단로 12 202호,2025-10-01,2027-09-30,1500000,150000,15000000,10,Y,,Y,Y
            """;

    private NoticeFixtures() {}

    static void importLeases(Api api) {
        assertThat(api.postCsv("/api/imports/leases", CSV.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    static long leaseId(Api api, String code) {
        for (var lease : api.get("/api/leases").body()) {
            if (lease.get("code").asText().equals(code)) {
                return lease.get("leaseId").asLong();
            }
        }
        throw new AssertionError("no lease " + code);
    }
}

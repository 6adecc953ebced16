package kr.fm.arrears.bank;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.Vat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month of deposits on a landlord's account, as the issue describes it: 80 % under the tenant's
 * name (written as banks print it: (주), 주식회사, ㈜, full-width, spaces) with the monthly total or the
 * overdue balance, 10 % under another payer's name (the representative), 5 % to the lease's 가상계좌,
 * 5 % noise (interest, refunds, a tenant's name with an amount that is neither). Each line knows the
 * lease it is for, so a test can check that nothing was applied to the wrong one. Same seed, same lines.
 */
public final class MonthOfDeposits {

    public enum Kind { TENANT_NAME, OTHER_PAYER, VIRTUAL_ACCOUNT, NOISE }

    public record Line(LocalDateTime at, String payer, long amount, String virtualAccount, Long leaseId, Kind kind) {}

    public record LeaseRow(long id, String tenant, String representative, long monthlyTotal, int dueDay) {}

    private static final DateTimeFormatter KB = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");
    private static final String[] FORMS = {"%s", "(주)%s", "주식회사 %s", "㈜%s", "%s(주)", "（주）%s", " %s ", "주식회사%s"};

    private MonthOfDeposits() {}

    public static List<LeaseRow> leases(JdbcClient jdbc, long landlordId) {
        return jdbc.sql("""
                SELECT l.id, t.name, t.representative, l.monthly_rent, l.management_fee, l.vat_applies, l.due_day
                FROM lease l JOIN tenant t ON t.id = l.tenant_id JOIN building b ON b.id = l.building_id
                WHERE b.landlord_id = ? ORDER BY l.id""").param(landlordId)
                .query((rs, n) -> {
                    long rent = rs.getLong(4);
                    long fee = rs.getLong(5);
                    boolean vat = rs.getBoolean(6);
                    return new LeaseRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rent + fee + Vat.of(rent, vat) + Vat.of(fee, vat), rs.getInt(7));
                }).list();
    }

    /**
     * One deposit per lease in {@code month}; {@code virtualAccounts} gets the accounts to set for the
     * 5 % that pay through one (lease id → number), which the caller stores before importing. Without
     * a {@code ledger} every tenant pays the monthly total (a benchmark need not ask 40,000 balances).
     */
    public static List<Line> month(List<LeaseRow> leases, YearMonth month, long seed, Ledger ledger, Map<Long, String> virtualAccounts) {
        Random random = new Random(seed);
        List<LeaseRow> shuffled = new ArrayList<>(leases);
        Collections.shuffle(shuffled, random);
        int n = shuffled.size();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LeaseRow l = shuffled.get(i);
            LocalDate day = month.atDay(Math.min(l.dueDay(), month.lengthOfMonth()));
            LocalDateTime at = day.atTime(8 + random.nextInt(14), random.nextInt(60), random.nextInt(60));
            Kind kind = i < n * 80 / 100 ? Kind.TENANT_NAME : i < n * 90 / 100 ? Kind.OTHER_PAYER
                    : i < n * 95 / 100 ? Kind.VIRTUAL_ACCOUNT : Kind.NOISE;
            switch (kind) {
                case TENANT_NAME -> {
                    long owed = ledger == null ? 0 : ledger.arrears(l.id(), day).map(a -> a.overdueBalance()).orElse(0L);
                    long amount = owed > 0 && random.nextBoolean() ? owed : l.monthlyTotal();
                    lines.add(new Line(at, FORMS[random.nextInt(FORMS.length)].formatted(l.tenant()), amount, null, l.id(), kind));
                }
                case OTHER_PAYER -> lines.add(new Line(at, l.representative(), l.monthlyTotal(), null, l.id(), kind));
                case VIRTUAL_ACCOUNT -> {
                    String va = "5629" + String.format("%09d", l.id());
                    virtualAccounts.put(l.id(), va);
                    lines.add(new Line(at, "가상" + random.nextInt(1000), l.monthlyTotal(), va, l.id(), kind));
                }
                case NOISE -> lines.add(switch (i % 3) {
                    case 0 -> new Line(at, "예금이자", 1 + random.nextInt(9_999), null, null, kind);
                    case 1 -> new Line(at, "환불" + random.nextInt(100), 10_000 + random.nextInt(90_000), null, null, kind);
                    default -> new Line(at, l.tenant(), l.monthlyTotal() + 7_000, null, null, kind);
                });
            }
        }
        lines.sort(java.util.Comparator.comparing(Line::at));
        return lines;
    }

    /** KB국민-style CSV with title rows and a withdrawal (a sweep) every 20 lines; the 가상계좌 lines are left to {@link #virtualCsv}. */
    public static byte[] kbCsv(String account, List<Line> lines) {
        StringBuilder s = new StringBuilder("거래내역조회\n계좌번호 : " + account + "\n\n");
        s.append("거래일시,적요,보낸분/받는분,송금메모,출금액(원),입금액(원),잔액(원),거래점\n");
        long balance = 50_000_000;
        int row = 0;
        for (Line l : lines) {
            if (l.virtualAccount() != null) {
                continue;
            }
            if (row++ % 20 == 0) {
                // the landlord sweeps the account to another one now and then: the balance stays realistic
                long out = Math.max(123_400, balance - 50_000_000);
                balance -= out;
                s.append(KB.format(l.at().minusSeconds(1))).append(",자금이체,산업개발 운영계좌,,").append(out).append(",,")
                        .append(balance).append(",본점\n");
            }
            balance += l.amount();
            s.append(KB.format(l.at())).append(",타행이체,\"").append(l.payer()).append("\",,,").append(l.amount()).append(',')
                    .append(balance).append(",\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The collection report of the 가상계좌 deposits. */
    public static byte[] virtualCsv(List<Line> lines) {
        StringBuilder s = new StringBuilder("가상계좌 입금내역\n입금일시,가상계좌번호,입금자명,입금액,메모\n");
        for (Line l : lines) {
            if (l.virtualAccount() != null) {
                s.append(KB.format(l.at())).append(',').append(l.virtualAccount()).append(',').append(l.payer()).append(',')
                        .append(l.amount()).append(",\n");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}

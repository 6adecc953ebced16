package kr.fm.arrears.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.NewPayment;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statement lines: recorded once each (by their line key), matched by {@link Matcher}, and decided by a
 * person when the rules cannot. A line reaches the ledger only as a payment of a lease, with the bank
 * reference {@code BANK-<line key>} (a split adds {@code -1}, {@code -2} …), so the ledger's own
 * uniqueness holds whatever is imported twice. Every decision is published as an event in its transaction.
 */
@Component
public class BankLines {

    /** What an import did. */
    public record Imported(long statementId, String layout, int deposits, int newLines, int alreadyImported, int matched,
            int waiting) {}

    /** A line with what it paid and, while it waits, suggestions. */
    public record Line(long id, LocalDateTime occurredAt, long amount, String payer, Long balance, String memo,
            String virtualAccount, LineState state, String accountNo, long landlordId, long statementId, String decidedBy,
            String note, List<Applied> applied, List<Hint> suggestions) {

        public boolean waiting() {
            return state == LineState.UNMATCHED || state == LineState.AMBIGUOUS;
        }
    }

    public record Applied(long leaseId, String leaseCode, String tenantName, long amount, Matcher.Rule rule, long paymentId) {}

    public record Hint(long leaseId, String leaseCode, String tenantName, Matcher.Rule rule, String why) {}

    public record Part(Long leaseId, Long amount) {}

    private static final String REFERENCE = "BANK-";
    /** At most this many lines a list: each waiting one gets the rules' suggestions. */
    private static final int MAX_LIST = 1_000;

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Ledger ledger;
    private final LedgerViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BankLines(JdbcClient jdbc, Payments payments, Ledger ledger, LedgerViews views, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.ledger = ledger;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Identity of a line without a bank reference: account, date-time, amount, payer text, balance after
     * and which of identical lines in the file it is (two equal transfers in one minute on a statement
     * without balances are two lines; the same two in an overlapping statement are the same two).
     */
    static String lineKey(String accountNo, Deposit d, int occurrence) {
        return Sha256.hex(String.join("|", accountNo, d.at().toString(), Long.toString(d.amount()), d.payer().strip(),
                d.balance() == null ? "" : d.balance().toString(), Integer.toString(occurrence)));
    }

    @Transactional
    public Imported importStatement(BankAccounts.Account account, String fileName, String sha256, String layout,
            List<Deposit> deposits, String actor) {
        // one import of an account at a time: the second waits and then finds the first one's lines
        jdbc.sql("SELECT pg_advisory_xact_lock(1650, ?::int)").param((int) account.id()).query().singleRow();
        long statementId = jdbc.sql("""
                INSERT INTO bank_statement (bank_account_id, file_name, sha256, layout, deposits, new_lines, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id""")
                .params(account.id(), fileName, sha256, layout, deposits.size(), actor, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Map<String, Deposit> byKey = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Deposit d : deposits) {
            String plain = lineKey(account.accountNo(), d, 0);
            byKey.put(lineKey(account.accountNo(), d, seen.merge(plain, 1, Integer::sum)), d);
        }
        Map<String, Long> fresh = insertLines(account, statementId, byKey);
        Matcher matcher = matcher(account.landlordId());
        List<Deposit> news = fresh.keySet().stream().map(byKey::get).toList();
        Map<LocalDate, Map<Long, Long>> overdue = overdue(matcher, news);

        List<Payments.ToLease> toBook = new ArrayList<>();
        List<Long> matchedLines = new ArrayList<>();
        List<Matcher.Rule> rules = new ArrayList<>();
        List<Long> ambiguous = new ArrayList<>();
        for (Map.Entry<String, Long> e : fresh.entrySet()) {
            Deposit d = byKey.get(e.getKey());
            Matcher.Decision decision = matcher.decide(d, overdue.getOrDefault(d.at().toLocalDate(), Map.of()));
            if (decision.state() == LineState.MATCHED) {
                toBook.add(new Payments.ToLease(decision.leaseId(), payment(REFERENCE + e.getKey(), d)));
                matchedLines.add(e.getValue());
                rules.add(decision.rule());
            } else if (decision.state() == LineState.AMBIGUOUS) {
                ambiguous.add(e.getValue());
            }
        }
        List<Payments.Booked> booked = payments.recordAll(toBook, actor);
        Map<String, Payments.Booked> byRef = new HashMap<>();
        booked.forEach(b -> byRef.put(b.bankReference(), b));
        List<BankStatementImported.Matched> matched = new ArrayList<>();
        for (int i = 0; i < toBook.size(); i++) {
            Payments.Booked b = byRef.get(toBook.get(i).payment().bankReference());
            if (b == null) {
                continue; // the reference was booked before by other means: the line stays for a person
            }
            matched.add(new BankStatementImported.Matched(matchedLines.get(i), b.leaseId(), rules.get(i).name(),
                    toBook.get(i).payment().amount(), b.id()));
        }
        link(matched, actor);
        setState(ambiguous, LineState.AMBIGUOUS);
        jdbc.sql("UPDATE bank_statement SET new_lines = ? WHERE id = ?").params(fresh.size(), statementId).update();
        events.publishEvent(new BankStatementImported(actor, statementId, account.accountNo(), fileName, sha256, layout,
                deposits.size(), fresh.size(), matched));
        return new Imported(statementId, layout, deposits.size(), fresh.size(), deposits.size() - fresh.size(), matched.size(),
                fresh.size() - matched.size());
    }

    private Map<String, Long> insertLines(BankAccounts.Account account, long statementId, Map<String, Deposit> byKey) {
        int n = byKey.size();
        String[] keys = new String[n];
        String[] at = new String[n];
        Long[] amounts = new Long[n];
        String[] payers = new String[n];
        Long[] balances = new Long[n];
        String[] memos = new String[n];
        String[] vas = new String[n];
        int i = 0;
        for (Map.Entry<String, Deposit> e : byKey.entrySet()) {
            Deposit d = e.getValue();
            keys[i] = e.getKey();
            at[i] = d.at().toString();
            amounts[i] = d.amount();
            payers[i] = d.payer().strip();
            balances[i] = d.balance();
            memos[i] = d.memo();
            vas[i] = d.virtualAccount();
            i++;
        }
        Map<String, Long> fresh = new LinkedHashMap<>();
        jdbc.sql("""
                INSERT INTO bank_line (line_key, bank_account_id, statement_id, occurred_at, amount, payer, balance, memo,
                                       virtual_account, state)
                SELECT k, ?, ?, t, a, p, b, m, v, 'UNMATCHED'
                FROM unnest(?::text[], ?::timestamp[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                     WITH ORDINALITY AS x(k, t, a, p, b, m, v, o)
                ORDER BY o
                ON CONFLICT (line_key) DO NOTHING RETURNING id, line_key""")
                .params(account.id(), statementId, keys, at, amounts, payers, balances, memos, vas)
                .query((rs, r) -> fresh.put(rs.getString(2), rs.getLong(1))).list();
        return fresh;
    }

    /** Overdue balances, by day, of the leases whose name matched but whose amount is not the monthly total. */
    private Map<LocalDate, Map<Long, Long>> overdue(Matcher matcher, List<Deposit> deposits) {
        Map<LocalDate, Set<Long>> wanted = new HashMap<>();
        for (Deposit d : deposits) {
            matcher.needsOverdue(d).ifPresent(id -> wanted.computeIfAbsent(d.at().toLocalDate(), k -> new HashSet<>()).add(id));
        }
        Map<LocalDate, Map<Long, Long>> result = new HashMap<>();
        wanted.forEach((day, ids) -> {
            Map<Long, Long> balances = new HashMap<>();
            // a lease that cannot be computed simply matches nothing by amount
            ledger.compute(ids, day).arrears().forEach((id, a) -> balances.put(id, a.overdueBalance()));
            result.put(day, balances);
        });
        return result;
    }

    /** The rules' view of a landlord's leases and the aliases they learned. */
    Matcher matcher(long landlordId) {
        List<Matcher.Lease> leases = views.tenanciesOfLandlord(landlordId).stream()
                .map(t -> new Matcher.Lease(t.leaseId(), t.code(), t.tenantName(), t.monthlyTotal(), t.virtualAccount(),
                        t.startDate(), t.endDate()))
                .toList();
        Map<String, List<Long>> aliases = new HashMap<>();
        jdbc.sql("SELECT alias, lease_id FROM payer_alias WHERE lease_id = ANY(?) ORDER BY lease_id")
                .param(leases.stream().map(Matcher.Lease::leaseId).toArray(Long[]::new))
                .query(rs -> {
                    aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return new Matcher(leases, aliases);
    }

    private static NewPayment payment(String reference, Deposit d) {
        String payer = d.payer().isBlank() ? null : d.payer().strip();
        return new NewPayment(reference, d.at().toLocalDate(), d.amount(), payer);
    }

    /** Ties lines to the payments booked for them (with the amount each paid) and marks the lines matched. */
    private void link(List<BankStatementImported.Matched> paid, String actor) {
        if (paid.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO bank_line_payment (bank_line_id, lease_id, amount, payment_id, rule)
                SELECT x.line, x.lease, x.amount, x.payment, x.rule
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) AS x(line, lease, amount, payment, rule)""")
                .params(paid.stream().map(BankStatementImported.Matched::lineId).toArray(Long[]::new),
                        paid.stream().map(BankStatementImported.Matched::leaseId).toArray(Long[]::new),
                        paid.stream().map(BankStatementImported.Matched::amount).toArray(Long[]::new),
                        paid.stream().map(BankStatementImported.Matched::paymentId).toArray(Long[]::new),
                        paid.stream().map(BankStatementImported.Matched::rule).toArray(String[]::new))
                .update();
        jdbc.sql("UPDATE bank_line SET state = 'MATCHED', decided_by = ? WHERE id = ANY(?)")
                .params(actor, paid.stream().map(BankStatementImported.Matched::lineId).distinct().toArray(Long[]::new)).update();
    }

    private void setState(List<Long> lines, LineState state) {
        if (!lines.isEmpty()) {
            jdbc.sql("UPDATE bank_line SET state = ? WHERE id = ANY(?)").params(state.name(), lines.toArray(Long[]::new)).update();
        }
    }

    // ---- reading

    private static final String SELECT = """
            SELECT bl.id, bl.occurred_at, bl.amount, bl.payer, bl.balance, bl.memo, bl.virtual_account, bl.state,
                   ba.account_no, ba.landlord_id, bl.statement_id, bl.decided_by, bl.note, bl.line_key
            FROM bank_line bl JOIN bank_account ba ON ba.id = bl.bank_account_id
            """;

    private record Row(Line line, String key) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new Line(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getLong(3), rs.getString(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getString(7), LineState.valueOf(rs.getString(8)), rs.getString(9),
                rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), List.of(), List.of()), rs.getString(14));
    }

    /**
     * Lines in a state (null: those waiting for a person, UNMATCHED and AMBIGUOUS), oldest first;
     * {@code statementId} narrows to one import (the automatic matches of the last one, say).
     */
    @Transactional(readOnly = true)
    public List<Line> list(LineState state, Long statementId, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw InvalidInput.of("limit", limit, "1부터 " + MAX_LIST + "까지여야 합니다");
        }
        List<String> states = state == null ? List.of(LineState.UNMATCHED.name(), LineState.AMBIGUOUS.name())
                : List.of(state.name());
        List<Line> lines = jdbc.sql(SELECT + " WHERE bl.state = ANY(?) AND (?::bigint IS NULL OR bl.statement_id = ?)"
                        + " ORDER BY bl.occurred_at, bl.id LIMIT ?")
                .params(states.toArray(String[]::new), statementId, statementId, limit)
                .query(BankLines::row).list().stream().map(Row::line).toList();
        return complete(lines);
    }

    @Transactional(readOnly = true)
    public Line get(long id) {
        return complete(List.of(find(id, false).line())).get(0);
    }

    /** The last statement imported, if any. */
    public Optional<Long> lastStatement() {
        return jdbc.sql("SELECT max(id) FROM bank_statement").query(Long.class).optional();
    }

    private Row find(long id, boolean lock) {
        return jdbc.sql(SELECT + " WHERE bl.id = ?" + (lock ? " FOR UPDATE OF bl" : "")).param(id).query(BankLines::row)
                .optional().orElseThrow(() -> new NotFound("bank line", id));
    }

    /** Adds what each line paid and, to the waiting ones, the rules' suggestions (one matcher per landlord). */
    private List<Line> complete(List<Line> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        record Paid(long lineId, long leaseId, long amount, Matcher.Rule rule, long paymentId) {}
        List<Paid> paid = jdbc.sql("""
                SELECT bank_line_id, lease_id, amount, rule, payment_id FROM bank_line_payment
                WHERE bank_line_id = ANY(?) AND NOT reversed ORDER BY id""")
                .param(lines.stream().map(Line::id).toArray(Long[]::new))
                .query((rs, n) -> new Paid(rs.getLong(1), rs.getLong(2), rs.getLong(3), Matcher.Rule.valueOf(rs.getString(4)),
                        rs.getLong(5)))
                .list();
        Map<Long, LedgerViews.Tenancy> leases = views.tenancies(paid.stream().map(Paid::leaseId).collect(Collectors.toSet()));
        Map<Long, List<Applied>> applied = new HashMap<>();
        for (Paid p : paid) {
            LedgerViews.Tenancy t = leases.get(p.leaseId());
            applied.computeIfAbsent(p.lineId(), k -> new ArrayList<>())
                    .add(new Applied(p.leaseId(), t.code(), t.tenantName(), p.amount(), p.rule(), p.paymentId()));
        }
        Map<Long, Matcher> matchers = new HashMap<>();
        List<Line> complete = new ArrayList<>();
        for (Line l : lines) {
            List<Hint> hints = List.of();
            if (l.waiting()) {
                Matcher m = matchers.computeIfAbsent(l.landlordId(), this::matcher);
                Deposit d = new Deposit(0, l.occurredAt(), l.amount(), l.payer(), l.balance(), l.memo(), l.virtualAccount());
                hints = m.decide(d, Map.of()).suggestions().stream().map(s -> m.lease(s.leaseId())
                        .map(x -> new Hint(x.leaseId(), x.code(), x.tenantName(), s.rule(), s.why())).orElse(null))
                        .filter(java.util.Objects::nonNull).toList();
            }
            complete.add(new Line(l.id(), l.occurredAt(), l.amount(), l.payer(), l.balance(), l.memo(), l.virtualAccount(),
                    l.state(), l.accountNo(), l.landlordId(), l.statementId(), l.decidedBy(), l.note(),
                    applied.getOrDefault(l.id(), List.of()), hints));
        }
        return complete;
    }

    // ---- a person's decisions

    /** Pays the whole deposit to one lease; {@code teach} makes the payer text an alias of that lease. */
    @Transactional
    public Line assign(long lineId, long leaseId, boolean teach, String actor) {
        Row row = waiting(lineId);
        requireLeases(row.line(), List.of("leaseId"), List.of(leaseId));
        book(row, List.of(new Part(leaseId, row.line().amount())), actor);
        String alias = PayerNames.key(row.line().payer());
        boolean learned = teach && !alias.isEmpty() && jdbc.sql("""
                INSERT INTO payer_alias (lease_id, alias, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(leaseId, alias, actor).update() > 0;
        events.publishEvent(new BankLineAssigned(actor, lineId, leaseId, row.line().amount(), row.line().payer(), teach,
                learned ? alias : null));
        return get(lineId);
    }

    /** Pays the deposit to several leases; the parts must add up to it. */
    @Transactional
    public Line split(long lineId, List<Part> parts, String actor) {
        Row row = waiting(lineId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (parts == null || parts.size() < 2) {
            throw InvalidInput.of("parts", parts == null ? null : parts.size(), "두 곳 이상으로 나눠야 합니다");
        }
        long sum = 0;
        Set<Long> leases = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.leaseId() == null || !leases.add(p.leaseId())) {
                errors.add(new InvalidInput.FieldError("parts[" + i + "].leaseId", p.leaseId(), "같은 계약을 두 번 적을 수 없습니다"));
            }
            if (p.amount() == null || p.amount() <= 0) {
                errors.add(new InvalidInput.FieldError("parts[" + i + "].amount", p.amount(), "0보다 큰 원 단위 금액이어야 합니다"));
            } else {
                sum += p.amount();
            }
        }
        if (errors.isEmpty() && sum != row.line().amount()) {
            errors.add(new InvalidInput.FieldError("parts", sum, "합계가 입금액(" + row.line().amount() + "원)과 같아야 합니다"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            fields.add("parts[" + i + "].leaseId");
        }
        requireLeases(row.line(), fields, parts.stream().map(Part::leaseId).toList());
        book(row, parts, actor);
        events.publishEvent(new BankLineSplit(actor, lineId, row.line().amount(), parts));
        return get(lineId);
    }

    /** Not rent (a refund, interest, a transfer between own accounts): never reaches a ledger. */
    @Transactional
    public Line notRent(long lineId, String reason, String actor) {
        Row row = waiting(lineId);
        String why = Text.reason(reason);
        jdbc.sql("UPDATE bank_line SET state = 'NOT_RENT', decided_by = ?, note = ? WHERE id = ?").params(actor, why, lineId)
                .update();
        events.publishEvent(new BankLineNotRent(actor, lineId, why, row.line().amount(), row.line().payer()));
        return get(lineId);
    }

    /**
     * Undoes a line's matching (automatic or not): its payments are reversed, never deleted, and the
     * line waits for a person again. A later booking of it gets a new bank reference ({@code -r1} …).
     */
    @Transactional
    public Line reverse(long lineId, String reason, String actor) {
        Row row = find(lineId, true);
        if (row.line().state() != LineState.MATCHED) {
            throw new Conflict("되돌릴 매칭이 없습니다 (입금 내역 " + lineId + ", 상태 " + row.line().state() + ")");
        }
        String why = Text.reason(reason);
        List<BankLineReversed.Reversed> reversed = jdbc.sql(
                        "SELECT payment_id, lease_id FROM bank_line_payment WHERE bank_line_id = ? AND NOT reversed").param(lineId)
                .query((rs, n) -> new BankLineReversed.Reversed(rs.getLong(1), rs.getLong(2))).list();
        // marked first: the ledger's PaymentReversed then finds no live link (PaymentCorrections) and leaves the line to us
        jdbc.sql("UPDATE bank_line_payment SET reversed = TRUE WHERE bank_line_id = ?").param(lineId).update();
        reversed.forEach(p -> payments.reverse(p.paymentId(), p.leaseId(), "입금 매칭 취소: " + why, actor, clock.instant()));
        jdbc.sql("UPDATE bank_line SET state = 'UNMATCHED', decided_by = NULL WHERE id = ?").param(lineId).update();
        events.publishEvent(new BankLineReversed(actor, lineId, why, row.line().amount(), reversed));
        return get(lineId);
    }

    private Row waiting(long lineId) {
        Row row = find(lineId, true);
        if (!row.line().waiting()) {
            throw new Conflict("이미 처리된 입금입니다 (입금 내역 " + lineId + ", 상태 " + row.line().state() + ")");
        }
        return row;
    }

    /** A lease of another landlord than the account's is, for this line, a lease that does not exist. */
    private void requireLeases(Line line, List<String> fields, List<Long> leaseIds) {
        Map<Long, LedgerViews.Tenancy> known = views.tenancies(leaseIds);
        for (int i = 0; i < leaseIds.size(); i++) {
            LedgerViews.Tenancy t = known.get(leaseIds.get(i));
            if (t == null || t.landlordId() != line.landlordId()) {
                throw new NotFound("lease", leaseIds.get(i) + " (" + fields.get(i) + ")");
            }
        }
    }

    private void book(Row row, List<Part> parts, String actor) {
        Deposit d = new Deposit(0, row.line().occurredAt(), row.line().amount(), row.line().payer(), row.line().balance(), null, null);
        // a line booked before and reversed keeps its reversed payments: this booking needs new references
        long before = jdbc.sql("SELECT count(*) FROM bank_line_payment WHERE bank_line_id = ?").param(row.line().id())
                .query(Long.class).single();
        List<Payments.ToLease> toBook = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String ref = REFERENCE + row.key() + (before == 0 ? "" : "-r" + before) + (parts.size() == 1 ? "" : "-" + (i + 1));
            NewPayment p = payment(ref, d);
            toBook.add(new Payments.ToLease(parts.get(i).leaseId(), new NewPayment(ref, p.paidOn(), parts.get(i).amount(),
                    p.payerName())));
        }
        List<Payments.Booked> booked = payments.recordAll(toBook, actor);
        if (booked.size() != toBook.size()) {
            throw new Conflict("이 입금의 은행 거래 참조가 이미 장부에 있습니다. 아무것도 바꾸지 않았습니다");
        }
        Map<String, Long> amounts = new HashMap<>();
        toBook.forEach(t -> amounts.put(t.payment().bankReference(), t.payment().amount()));
        link(booked.stream().map(b -> new BankStatementImported.Matched(row.line().id(), b.leaseId(), Matcher.Rule.MANUAL.name(),
                amounts.get(b.bankReference()), b.id())).toList(), actor);
    }

}

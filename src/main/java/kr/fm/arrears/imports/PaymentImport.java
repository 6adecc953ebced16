package kr.fm.arrears.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.NewPayment;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments from a bank export, one a row. The bank reference is the key: importing the same file
 * again records nothing new; a reference seen before with other data is an error in its row.
 */
@Component
public class PaymentImport {

    static final Set<String> REQUIRED = Set.of("bank_reference", "paid_on", "amount", "lease_code");
    static final Set<String> OPTIONAL = Set.of("payer_name");
    /** Column names as Korean bank exports and spreadsheets write them. */
    static final Map<String, String> ALIASES = Map.of("거래번호", "bank_reference", "거래일자", "paid_on", "입금일",
            "paid_on", "입금액", "amount", "계약번호", "lease_code", "입금자", "payer_name", "입금자명", "payer_name");

    private final Payments payments;
    private final LedgerViews views;
    private final ValidationToColumns validation;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    PaymentImport(Payments payments, LedgerViews views, ValidationToColumns validation, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.payments = payments;
        this.views = views;
        this.validation = validation;
        this.tx = tx;
        this.events = events;
    }

    public record Result(int rows, int recorded, int alreadyRecorded) {}

    public Result importFile(byte[] bytes, String fileName, String actor) {
        CsvFile file = CsvFile.parse(bytes, REQUIRED, OPTIONAL, ALIASES);
        List<ImportRejected.RowError> errors = new ArrayList<>();
        Map<Long, List<NewPayment>> byLease = new LinkedHashMap<>();
        Map<String, NewPayment> seenInFile = new HashMap<>();
        Map<String, Optional<Long>> leaseIds = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            Cells c = new Cells(row);
            NewPayment p = new NewPayment(c.text("bank_reference"), c.date("paid_on"), c.won("amount"), c.text("payer_name"));
            validation.validate(p, c, "", Map.of("paidOn", "paid_on"));
            String code = c.text("lease_code");
            Optional<Long> leaseId = code == null ? Optional.empty() : leaseIds.computeIfAbsent(code, views::leaseIdByCode);
            if (code == null) {
                c.error("lease_code", "비워 둘 수 없습니다");
            } else if (leaseId.isEmpty()) {
                c.error("lease_code", "없는 계약입니다");
            }
            if (c.errors.isEmpty()) {
                NewPayment earlier = seenInFile.putIfAbsent(p.bankReference(), p);
                if (earlier != null && !earlier.equals(p)) {
                    c.error("bank_reference", "이 파일 앞쪽에 다른 날짜나 금액으로 이미 있습니다");
                }
                payments.conflict(leaseId.get(), p).ifPresent(why -> c.error("bank_reference", why));
            }
            errors.addAll(c.errors);
            if (c.errors.isEmpty()) {
                byLease.computeIfAbsent(leaseId.get(), k -> new ArrayList<>()).add(p);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return tx.execute(status -> {
            int recorded = 0;
            for (var e : byLease.entrySet()) {
                recorded += payments.record(e.getKey(), e.getValue(), actor).size();
            }
            events.publishEvent(new PaymentsImported(actor, fileName, file.rows().size(), recorded, Sha256.hex(bytes)));
            return new Result(file.rows().size(), recorded, file.rows().size() - recorded);
        });
    }
}

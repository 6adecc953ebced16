package kr.fm.arrears.imports;

import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.bank.BankAccounts;
import kr.fm.arrears.bank.BankLines;
import kr.fm.arrears.shared.BodyLimits;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.Sha256;
import org.springframework.stereotype.Component;

/**
 * A bank statement as the bank exported it, for one of a landlord's accounts: read whole and checked
 * (a bad row rejects the file, every bad row listed), then its deposits are recorded once each and
 * matched to leases ({@link BankLines}).
 */
@Component
public class BankStatementImport {

    private final BankAccounts accounts;
    private final BankLines lines;
    private final long limit;

    BankStatementImport(BankAccounts accounts, BankLines lines, BodyLimits.Limits limits) {
        this.accounts = accounts;
        this.lines = lines;
        this.limit = limits.upload().toBytes();
    }

    public BankLines.Imported importFile(byte[] bytes, String fileName, String account, String actor) {
        BankAccounts.Account a = accounts.resolve("account", account);
        Optional<BankLayouts.Layout> saved = Optional.ofNullable(a.columns()).map(BankLayouts::fromMapping);
        StatementReader.Read read = StatementReader.read(bytes, limit, saved);
        return lines.importStatement(a, fileName, Sha256.hex(bytes), read.layout() + " · " + read.kind(), read.deposits(), actor);
    }

    /** Saves the columns of a layout no profile knows for one account; 422 naming each bad key. */
    public BankAccounts.Account saveColumns(String account, Map<String, String> columns, String actor) {
        Map<String, String> errors = BankLayouts.mappingErrors(columns == null ? Map.of() : columns);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.entrySet().stream()
                    .map(e -> new InvalidInput.FieldError(e.getKey(), columns == null ? null : columns.get(e.getKey()), e.getValue()))
                    .toList());
        }
        return accounts.saveColumns(accounts.resolve("account", account), columns, actor);
    }
}

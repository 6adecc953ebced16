package kr.fm.arrears.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The landlords' accounts statements are of. An account is known by its number (digits only, so
 * "123-45-6789-012" and "123456789012" are one); the first statement of a landlord's account on file
 * (landlord.bank_account) registers it.
 */
@Component
public class BankAccounts {

    public record Account(long id, long landlordId, String accountNo, Map<String, String> columns) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LedgerViews views;
    private final ApplicationEventPublisher events;

    BankAccounts(JdbcClient jdbc, ObjectMapper json, LedgerViews views, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.views = views;
        this.events = events;
    }

    public static String digits(String accountNo) {
        return accountNo == null ? "" : accountNo.replaceAll("\\D", "");
    }

    /** The account with this number, registering a landlord's account on file; 422 naming {@code field} when none has it. */
    @Transactional
    public Account resolve(String field, String accountNo) {
        String no = digits(accountNo);
        if (no.length() < 6 || no.length() > 20) {
            throw InvalidInput.of(field, accountNo, "계좌번호(숫자 6~20자리)여야 합니다");
        }
        return find(no).orElseGet(() -> {
            Optional<Long> landlord = views.landlordByBankAccount(no);
            if (landlord.isEmpty()) {
                throw InvalidInput.of(field, accountNo, "어느 임대인의 계좌도 아닙니다");
            }
            jdbc.sql("INSERT INTO bank_account (landlord_id, account_no) VALUES (?, ?) ON CONFLICT (account_no) DO NOTHING")
                    .params(landlord.get(), no).update();
            return find(no).orElseThrow();
        });
    }

    /** Saves the column mapping for a layout no profile knows (checked by the caller). */
    @Transactional
    public Account saveColumns(Account account, Map<String, String> columns, String actor) {
        try {
            jdbc.sql("UPDATE bank_account SET columns = ?::jsonb WHERE id = ?").params(json.writeValueAsString(columns), account.id())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        events.publishEvent(new BankColumnsSaved(actor, account.accountNo(), account.landlordId(), columns));
        return find(account.accountNo()).orElseThrow();
    }

    private Optional<Account> find(String no) {
        return jdbc.sql("SELECT id, landlord_id, account_no, columns FROM bank_account WHERE account_no = ?").param(no)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), columns(rs.getString(4))))
                .optional();
    }

    private Map<String, String> columns(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

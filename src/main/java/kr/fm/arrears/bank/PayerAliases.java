package kr.fm.arrears.bank;

import java.util.List;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Text;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payer texts a lease is known by (김대성 pays for (주)대성정밀): what the matcher's second rule reads.
 * Learned from an assignment ({@link BankLines#assign}) or kept here by a person, each change with a reason.
 * An alias is a matching hint, not a ledger row: withdrawing one changes no payment already booked.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PayerAliases {

    /** An alias as stored (normalised, {@link PayerNames}) and who taught it. */
    public record Alias(String alias, String createdBy) {}

    private final JdbcClient jdbc;
    private final LedgerViews views;
    private final ApplicationEventPublisher events;

    @Transactional(readOnly = true)
    public List<Alias> of(Viewer viewer, long leaseId) {
        visible(viewer, leaseId);
        return jdbc.sql("SELECT alias, created_by FROM payer_alias WHERE lease_id = ? ORDER BY alias").param(leaseId)
                .query(Alias.class).list();
    }

    @Transactional
    public List<Alias> add(Viewer viewer, long leaseId, String payer, String reason) {
        visible(viewer, leaseId);
        String why = Text.reason(reason);
        String alias = PayerNames.key(payer);
        if (alias.isEmpty() || payer.length() > 200 || Text.hasControlCharacter(payer)) {
            throw InvalidInput.of("payer", payer, "입금자명을 200자 이내로 입력하세요 (예: 김대성)");
        }
        if (jdbc.sql("INSERT INTO payer_alias (lease_id, alias, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(leaseId, alias, viewer.name()).update() == 0) {
            throw new Conflict("이미 이 계약의 입금자명입니다 (" + alias + ")");
        }
        events.publishEvent(new PayerAliasAdded(viewer.name(), leaseId, payer.strip(), alias, why));
        return of(viewer, leaseId);
    }

    @Transactional
    public List<Alias> remove(Viewer viewer, long leaseId, String alias, String reason) {
        visible(viewer, leaseId);
        String why = Text.reason(reason);
        String key = PayerNames.key(alias);
        if (jdbc.sql("DELETE FROM payer_alias WHERE lease_id = ? AND alias = ?").params(leaseId, key).update() == 0) {
            throw new NotFound("payer alias", key + " of lease " + leaseId);
        }
        events.publishEvent(new PayerAliasRemoved(viewer.name(), leaseId, key, why));
        return of(viewer, leaseId);
    }

    private void visible(Viewer viewer, long leaseId) {
        views.lease(viewer, leaseId).orElseThrow(() -> new NotFound("lease", leaseId));
    }
}

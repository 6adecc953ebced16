package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.ledger.LeaseScope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When the arrears cases of leases were open, read set-based (the history's "after a reminder" figure). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CaseSpans {

    /** A case, open from {@code openedOn} to {@code closedOn} inclusive (null: still open). */
    public record Span(long caseId, long leaseId, LocalDate openedOn, LocalDate closedOn) {}

    private final JdbcClient jdbc;

    /** The cases of the leases open on at least one day of [first, last]. */
    public List<Span> openDuring(LeaseScope leases, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT id, lease_id, opened_on, closed_on FROM arrears_case c
                WHERE c.opened_on <= :last AND (c.closed_on IS NULL OR c.closed_on >= :first) AND """
                + LeaseScope.condition("c.lease_id") + " ORDER BY id")
                .param("first", first).param("last", last).param("leases", leases.ids())
                .query((rs, i) -> new Span(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }
}

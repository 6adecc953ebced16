package kr.fm.arrears.evidence;

import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.Message;
import kr.fm.arrears.notice.CertifiedNotice;

/**
 * Everything the pack states about one case, read once through the owners' front doors before the
 * ZIP starts: parties, lease, the ledger to the as-of date and its arrears, the case's messages and
 * notices ({@code filed}: those with an approved PDF, as the history lists them).
 */
record CaseFile(Cases.CaseView kase, LedgerViews.LeaseSummary lease, LedgerViews.Landlord landlord, LedgerViews.Tenant tenant,
        LedgerViews.Building building, LeaseTerms terms, LeaseArrears arrears, List<LedgerViews.ChargeView> charges,
        List<LedgerViews.PaymentView> payments, List<Message> messages, List<CertifiedNotice> notices, List<HistoryEntry> filed,
        LocalDate asOf, LocalDate today) {}

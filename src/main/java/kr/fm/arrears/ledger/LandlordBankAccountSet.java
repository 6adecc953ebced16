package kr.fm.arrears.ledger;

/**
 * A landlord's account to pay into was set or corrected by a person: the account before (all null when
 * there was none) and after. Reminders that print the account and were held for want of one go out now.
 */
public record LandlordBankAccountSet(String actor, long landlordId, Account before, Account after, String reason) {

    public record Account(String bankName, String accountNo, String holder) {}
}

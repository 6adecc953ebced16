package kr.fm.arrears.messaging;

/**
 * Why a message waits instead of leaving (SPEC "Send only what is still true"): it is true, but it cannot
 * say what it must until a person fills in what is missing. Released when that is done.
 */
public enum HoldReason {
    /** its text prints the account to pay into, and the landlord has none on file (nor the lease a 가상계좌) */
    NO_BANK_ACCOUNT
}

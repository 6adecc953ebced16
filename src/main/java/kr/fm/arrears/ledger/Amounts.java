package kr.fm.arrears.ledger;

import kr.fm.arrears.shared.Won;

/** What the validation of every amount the ledger takes says when it is beyond {@link Won#MAX}. */
final class Amounts {

    static final String AT_MOST_MAX = "must be at most 100,000,000,000 won";

    private Amounts() {}
}

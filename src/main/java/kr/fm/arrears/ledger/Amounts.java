package kr.fm.arrears.ledger;

import kr.fm.arrears.shared.Won;

/** What the validation of every amount the ledger takes says when it is beyond {@link Won#MAX}. */
final class Amounts {

    static final String AT_MOST_MAX = "100,000,000,000원(1,000억원) 이하여야 합니다";

    private Amounts() {}
}

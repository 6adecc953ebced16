package kr.fm.arrears.ledger;

/** What a charge is for; the declaration order is the order payments reach charges due the same day. */
public enum ChargeKind {
    RENT("임대료"),
    MANAGEMENT_FEE("관리비"),
    ELECTRICITY("전기료"),
    WATER("수도료"),
    OTHER("기타");

    private final String korean;

    ChargeKind(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }
}

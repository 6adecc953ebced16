package kr.fm.arrears.ledger;

/** 부가가치세 10%, cut to the won. */
public final class Vat {

    private Vat() {}

    public static long of(long supplyAmount, boolean applies) {
        return applies ? supplyAmount / 10 : 0;
    }

    /** The amount as charged: the supply amount and, when it applies, its VAT. */
    public static long included(long supplyAmount, boolean applies) {
        return Math.addExact(supplyAmount, of(supplyAmount, applies));
    }
}

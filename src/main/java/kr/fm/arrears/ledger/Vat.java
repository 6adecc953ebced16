package kr.fm.arrears.ledger;

/** 부가가치세 10%, cut to the won. */
public final class Vat {

    private Vat() {}

    public static long of(long supplyAmount, boolean applies) {
        return applies ? supplyAmount / 10 : 0;
    }
}

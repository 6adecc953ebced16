package kr.fm.arrears.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The court fees of a 지급명령 신청, as the published rules compute them (docs/evidence.md):
 * 인지액 from 민사소송 등 인지법 제2조 (the 소장's stamp by the 소가) and 제7조② (a 지급명령 신청 pays a
 * tenth of it), 100원 미만 버림 and at least 1,000원 (제2조②); 송달료 = parties × rounds × one round's fee.
 */
final class CourtFees {

    private CourtFees() {}

    /** What the filing costs: the stamp (인지액) and the service deposit (송달료 예납액). */
    record Estimate(long claimValue, long stamp, int parties, int rounds, long feePerRound, long serviceFee) {
        long total() {
            return stamp + serviceFee;
        }
    }

    static Estimate paymentOrder(long claimValue, int parties, int rounds, long feePerRound) {
        return new Estimate(claimValue, paymentOrderStamp(claimValue), parties, rounds, feePerRound,
                Math.multiplyExact(Math.multiplyExact(parties, rounds), feePerRound));
    }

    /** 인지법 제2조①: the 소장's stamp, before rounding (a fraction of a won may remain). */
    static BigDecimal lawsuitStamp(long claimValue) {
        BigDecimal v = BigDecimal.valueOf(claimValue);
        if (claimValue < 10_000_000L) {
            return v.multiply(new BigDecimal("0.005"));
        }
        if (claimValue < 100_000_000L) {
            return v.multiply(new BigDecimal("0.0045")).add(BigDecimal.valueOf(5_000));
        }
        if (claimValue < 1_000_000_000L) {
            return v.multiply(new BigDecimal("0.004")).add(BigDecimal.valueOf(55_000));
        }
        return v.multiply(new BigDecimal("0.0035")).add(BigDecimal.valueOf(555_000));
    }

    /** 제7조②: a tenth of the 소장's stamp; then 제2조②: below 1,000원 → 1,000원, else 100원 미만 버림. */
    static long paymentOrderStamp(long claimValue) {
        long tenth = lawsuitStamp(claimValue).divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).longValueExact();
        return tenth < 1_000 ? 1_000 : tenth / 100 * 100;
    }
}

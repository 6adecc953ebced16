package kr.fm.arrears.ledger;

import java.util.Arrays;

/**
 * The leases a reader may see, from the ledger's front door, for other modules to filter their own
 * tables by: {@code lease_id = ANY(:leases)}, with {@link #ids()} null meaning every lease. Staff
 * asking for everything get null (no filter, no list to carry); a LANDLORD gets their own leases.
 */
public record LeaseScope(Long[] ids) {

    /** A lease history's window on its {@code at} column, in Seoul dates ({@code :from}, {@code :to}; either may be null). */
    public static final String SEOUL_DATES = """
                  AND (CAST(:from AS DATE) IS NULL OR CAST(at AT TIME ZONE 'Asia/Seoul' AS DATE) >= :from)
                  AND (CAST(:to AS DATE) IS NULL OR CAST(at AT TIME ZONE 'Asia/Seoul' AS DATE) <= :to)
            """;

    /**
     * A lease history's next page: {@code :limit} rows newest first (then highest id), after the keyset
     * position {@code :beforeAt}, {@code :beforeId} (a null {@code :beforeAt}: from the newest).
     */
    public static final String NEWEST_AFTER = """
                  AND (CAST(:beforeAt AS TIMESTAMPTZ) IS NULL OR at < :beforeAt OR (at = :beforeAt AND id < :beforeId))
                ORDER BY at DESC, id DESC LIMIT :limit""";

    /** The SQL condition on a lease id column; bind {@link #ids()} as {@code :leases}. */
    public static String condition(String leaseIdColumn) {
        return "(CAST(:leases AS BIGINT[]) IS NULL OR " + leaseIdColumn + " = ANY(:leases))";
    }

    public static LeaseScope all() {
        return new LeaseScope(null);
    }

    public boolean everything() {
        return ids == null;
    }

    public boolean contains(long leaseId) {
        return ids == null || Arrays.asList(ids).contains(leaseId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseScope s && Arrays.equals(ids, s.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return ids == null ? "LeaseScope[all]" : "LeaseScope" + Arrays.toString(ids);
    }
}

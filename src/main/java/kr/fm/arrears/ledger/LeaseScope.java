package kr.fm.arrears.ledger;

import java.util.Arrays;

/**
 * The leases a reader may see, from the ledger's front door, for other modules to filter their own
 * tables by: {@code lease_id = ANY(:leases)}, with {@link #ids()} null meaning every lease. Staff
 * asking for everything get null (no filter, no list to carry); a LANDLORD gets their own leases.
 */
public record LeaseScope(Long[] ids) {

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

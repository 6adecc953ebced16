-- The SQL floor of an escalation run: one set-based query computing, for every lease as of :'asof',
-- the arrears the run decides from (ArrearsCalculator's principal rules, not its interest):
--   overdue principal  charges due before the date, less everything paid up to the date (payments pay
--                      oldest due date first, rent before fee the same day, so the overdue charges are
--                      the first to be paid and this difference is exactly what stays unpaid on them)
--   oldest unpaid due  the first charge, in payment order, whose running total exceeds what was paid
--   days overdue       the date minus that due date
--   overdue rent and months of rent (rent + VAT), for the termination threshold (2기, 3기 under the Act)
-- Late interest is not computed (it needs each payment's date against each charge; the run does it
-- per charge in Java). Result: one row per lease in an UNLOGGED table, so all 1M rows are produced.
-- psql -v asof=2026-10-15 -f scripts/arrears-floor.sql
\timing on
DROP TABLE IF EXISTS arrears_floor;
CREATE UNLOGGED TABLE arrears_floor AS
WITH paid AS (
    SELECT lease_id, sum(amount) AS paid FROM payment WHERE paid_on <= :'asof' GROUP BY lease_id
), running AS (
    SELECT c.lease_id, c.kind, c.due_date, c.amount + c.vat AS total,
           sum(c.amount + c.vat) OVER (PARTITION BY c.lease_id
                   ORDER BY c.due_date, array_position(ARRAY['RENT','MANAGEMENT_FEE','ELECTRICITY','WATER','OTHER'], c.kind), c.id) AS upto
    FROM charge c WHERE c.due_date < :'asof'
), unpaid AS (
    SELECT r.lease_id, r.kind, r.due_date, least(r.total, r.upto - coalesce(p.paid, 0)) AS unpaid
    FROM running r LEFT JOIN paid p USING (lease_id)
    WHERE r.upto > coalesce(p.paid, 0)
)
SELECT l.id AS lease_id,
       coalesce(sum(u.unpaid), 0) AS overdue_balance,
       min(u.due_date) AS oldest_unpaid_due,
       coalesce(CAST(:'asof' AS date) - min(u.due_date), 0) AS days_overdue,
       coalesce(sum(u.unpaid) FILTER (WHERE u.kind = 'RENT'), 0) AS overdue_rent,
       floor(100.0 * coalesce(sum(u.unpaid) FILTER (WHERE u.kind = 'RENT'), 0)
             / nullif(l.monthly_rent + CASE WHEN l.vat_applies THEN l.monthly_rent / 10 ELSE 0 END, 0)) / 100 AS arrears_months
FROM lease l LEFT JOIN unpaid u ON u.lease_id = l.id
GROUP BY l.id;
SELECT count(*) AS leases, count(*) FILTER (WHERE overdue_balance > 0) AS in_arrears,
       sum(overdue_balance) AS overdue_balance FROM arrears_floor;

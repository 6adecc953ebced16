-- The board's strip sums this month's payments over every lease staff may see: by date, not by lease.
CREATE INDEX payment_paid_on ON payment (paid_on);

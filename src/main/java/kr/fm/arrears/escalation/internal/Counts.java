package kr.fm.arrears.escalation.internal;

/** What one chunk did (or, in a dry run, would do); added to the run's totals in the chunk's transaction. */
record Counts(int leases, int opened, int advanced, int skipped, int resolved, int upcoming, int unchanged) {}

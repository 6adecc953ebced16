#!/usr/bin/env bash
# Two builds' escalation runs compared fairly (docs/performance.md, "Module boundaries"):
#   scripts/bench-escalation-pairs.sh PAIRS TREE_A TREE_B [TEMPLATE]
#   scripts/bench-escalation-pairs.sh 4 /work/baseline .
# Each tree has its jar built (target/arrears-*.jar) and its own templates/. TEMPLATE (default
# arrears_bench_m) is a generated portfolio already migrated by the newer jar; the older one ignores
# migrations it does not know. Made once from scripts/bench-escalation.sh's portfolio:
#   psql -h localhost -U postgres -c "CREATE DATABASE arrears_bench_m TEMPLATE arrears_bench_100000"
#   java -jar NEWER/target/arrears-*.jar audit-verify --arrears.db.name=arrears_bench_m   # migrates, reads
# For each run: a fresh copy, VACUUM ANALYZE, autovacuum off on its tables
# (every run meets the same planner, whenever autovacuum would have woken), then the first run on
# 2026-10-15, the same date again and the next morning, each in its own JVM (-Xmx512m). The trees
# alternate (A B, B A, ...) so a drift of the machine falls on both. Prints run times, the JVM's CPU,
# PostgreSQL's counters for the database and the outcome digests (stages; keys, states and recipients).
set -euo pipefail
PAIRS=${1:?pairs}; A=$(cd "${2:?tree}" && pwd); B=$(cd "${3:?tree}" && pwd)
TEMPLATE=${4:-arrears_bench_m}
COPY=arrears_pairs_run
PSQL="psql -h localhost -U postgres -X -q -v ON_ERROR_STOP=1"

escalate() { # tree date: the run's "in N ms"
  (cd "$1" && java -Xmx512m -jar target/arrears-*.jar escalation-run --date="$2" --arrears.db.name=$COPY \
      --arrears.escalation.prefilter=true --logging.level.root=WARN | grep -oP 'in \K[0-9,]+(?= ms)' | tr -d ,)
}

one() { # tree
  local tree=$1
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $COPY" 2>/dev/null
  $PSQL -d postgres -c "CREATE DATABASE $COPY TEMPLATE $TEMPLATE"
  $PSQL -d $COPY -c "VACUUM ANALYZE" >/dev/null
  $PSQL -d $COPY -Atc "SELECT format('ALTER TABLE %I SET (autovacuum_enabled = false);', relname) FROM pg_class
                       WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace" | $PSQL -d $COPY >/dev/null
  local first; first=$( { /usr/bin/time -f "CPU %U %S" bash -c "cd '$tree' && java -Xmx512m -jar target/arrears-*.jar escalation-run \
      --date=2026-10-15 --arrears.db.name=$COPY --arrears.escalation.prefilter=true --logging.level.root=WARN" ; } 2>&1 \
      | grep -E "escalation run|^CPU")
  local ms; ms=$(echo "$first" | grep -oP 'in \K[0-9,]+(?= ms)' | tr -d ,)
  local cpu; cpu=$(echo "$first" | awk '/^CPU/ {print $2 + $3}')
  local stats; stats=$($PSQL -d postgres -Atc "SELECT 'commits ' || xact_commit || ', tuples returned ' || tup_returned
      || ', fetched ' || tup_fetched || ', blocks ' || (blks_hit + blks_read) FROM pg_stat_database WHERE datname = '$COPY'")
  local digests; digests=$($PSQL -d $COPY -Atc "SELECT 'stages ' || (SELECT md5(string_agg(a.lease_id || ':' || s.stage || ':' || s.status, ','
      ORDER BY a.lease_id, s.stage)) FROM case_stage s JOIN arrears_case a ON a.id = s.case_id) || ', messages '
      || (SELECT count(*) FROM message) || ', keys ' || (SELECT md5(string_agg(idempotency_key || ':' || state || ':'
      || coalesce(recipient, ''), ',' ORDER BY idempotency_key)) FROM message)")
  local again; again=$(escalate "$tree" 2026-10-15)
  local next; next=$(escalate "$tree" 2026-10-16)
  echo "$(basename "$tree"): first ${ms} ms (JVM CPU ${cpu} s), again ${again} ms, next morning ${next} ms; $digests; $stats; load $(cut -d' ' -f1 /proc/loadavg)"
}

for i in $(seq 1 "$PAIRS"); do
  if (( i % 2 )); then one "$A"; one "$B"; else one "$B"; one "$A"; fi
done
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $COPY"

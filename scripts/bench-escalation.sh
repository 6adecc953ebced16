#!/usr/bin/env bash
# Escalation run against its SQL floor, on a generated portfolio (see docs/performance.md).
#   scripts/bench-escalation.sh LEASES [DATE] [PREFILTER]
#   scripts/bench-escalation.sh 1000000 2026-10-15 true
# The portfolio (seed 42, charges through 2026-10) is generated once into arrears_bench_<LEASES>,
# found again by its PORTFOLIO_GENERATED audit event. Each measurement works on a fresh copy
# (CREATE DATABASE ... TEMPLATE), dropped at the end: the SQL floor, then one real run in its own
# JVM capped at -Xmx512m, then the same date again, then the next morning (date + 1). Needs target/arrears-*.jar (./mvnw -q -DskipTests package).
set -euo pipefail
LEASES=${1:?leases}
DATE=${2:-2026-10-15}
PREFILTER=${3:-true}
SEED=42
THROUGH=2026-10
BASE=arrears_bench_${LEASES}
COPY=${BASE}_run
JAR=$(ls target/arrears-*.jar | head -1)
OUT=target/bench; mkdir -p "$OUT"
PSQL="psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X"
LOG="$OUT/escalation-$LEASES.log"
exec > >(tee "$LOG") 2>&1

marker() {
  $PSQL -d "$BASE" -Atc "SELECT details FROM audit_event WHERE action = 'PORTFOLIO_GENERATED' ORDER BY id LIMIT 1" 2>/dev/null || true
}
if [[ "$(marker)" != *"\"leases\":$LEASES,"*"\"through\":\"$THROUGH\""* ]] \
    || [[ "$($PSQL -d "$BASE" -Atc "SELECT subject_id FROM audit_event WHERE action = 'PORTFOLIO_GENERATED'" 2>/dev/null)" != "$SEED" ]]; then
  echo "generating $LEASES leases into $BASE (seed $SEED)"
  $PSQL -d postgres -qc "DROP DATABASE IF EXISTS $BASE"
  java -jar "$JAR" generate-portfolio --leases="$LEASES" --seed=$SEED --through=$THROUGH --first-landlord-leases=500 \
      --arrears.db.name="$BASE" --logging.level.root=WARN | grep generated
else
  echo "reusing $BASE: $(marker)"
fi

fresh_copy() {
  $PSQL -d postgres -qc "DROP DATABASE IF EXISTS $COPY"
  $PSQL -d postgres -qc "CREATE DATABASE $COPY TEMPLATE $BASE"
}

echo "== load before: $(uptime)"
fresh_copy
echo "== SQL floor (scripts/arrears-floor.sql, as of $DATE)"
$PSQL -d "$COPY" -qc "VACUUM ANALYZE" >/dev/null
$PSQL -d "$COPY" -v asof="$DATE" -f scripts/arrears-floor.sql | tee "$OUT/floor-$LEASES.txt"
FLOOR_MS=$(grep -oP 'Time: \K[0-9.]+' "$OUT/floor-$LEASES.txt" | sed -n 2p) # the CREATE TABLE ... AS
IN_ARREARS=$($PSQL -d "$COPY" -Atc "SELECT count(*) FROM arrears_floor WHERE overdue_balance > 0")
$PSQL -d "$COPY" -qc "DROP TABLE arrears_floor"

run() { # label
  local gclog="$OUT/gc-$LEASES-$1.log"
  local t0=$(date +%s%N)
  java -Xmx512m -Xlog:gc:file="$gclog" -jar "$JAR" escalation-run --date="${DATE}" \
      --arrears.db.name="$COPY" --arrears.escalation.prefilter="$PREFILTER" --logging.level.root=WARN \
      | grep "escalation run" | tee "$OUT/run-$LEASES-$1.txt"
  local t1=$(date +%s%N)
  # peak heap: the most in use when a collection started (G1 logs "before->after(committed)")
  PEAK=$(grep -oP '\) \K[0-9]+(?=M->)' "$gclog" | sort -n | tail -1)
  LIVE=$(grep -oP 'M->\K[0-9]+(?=M)' "$gclog" | sort -n | tail -1)
  RUN_MS=$(grep -oP 'in \K[0-9,]+(?= ms)' "$OUT/run-$LEASES-$1.txt" | tr -d ,)
  echo "   process wall time $(( (t1 - t0) / 1000000 )) ms (with JVM and Spring start); peak heap ${PEAK:-?} MB before a GC, at most ${LIVE:-?} MB live after one; $(grep -c Pause "$gclog") GC pauses"
}

echo "== escalation run (prefilter=$PREFILTER), separate JVM -Xmx512m"
run first
FIRST_MS=$RUN_MS
$PSQL -d "$COPY" -Atc "SELECT 'cases ' || (SELECT count(*) FROM arrears_case) || ', case stages ' || (SELECT count(*) FROM case_stage)
  || ', upcoming reminders ' || (SELECT count(*) FROM upcoming_reminder) || ', messages ' || (SELECT count(*) FROM message)
  || ', notices ' || (SELECT count(*) FROM notice) || ', audit events ' || (SELECT count(*) FROM audit_event)
  || ', digest ' || (SELECT md5(string_agg(a.lease_id || ':' || s.stage || ':' || s.status, ',' ORDER BY a.lease_id, s.stage))
                     FROM case_stage s JOIN arrears_case a ON a.id = s.case_id)
  || '/' || (SELECT md5(string_agg(idempotency_key || ':' || md5(body), ',' ORDER BY idempotency_key)) FROM message)" \
  | tee "$OUT/outcome-$LEASES-$PREFILTER.txt"
echo "== same date again (writes nothing new)"
run again
AGAIN_MS=$RUN_MS
NEXT=$(date -d "$DATE + 1 day" +%F)
echo "== the next morning, $NEXT (a daily run: the day's new cases, stages and friendly reminders)"
DATE=$NEXT run next
NEXT_MS=$RUN_MS
echo "== load after: $(uptime)"
$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $COPY"
python3 - "$LEASES" "$FLOOR_MS" "$IN_ARREARS" "$FIRST_MS" "$AGAIN_MS" "$NEXT_MS" <<'PY'
import sys
leases, floor, arrears = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"SUMMARY {leases:,} leases: SQL floor {floor/1000:.1f} s ({arrears:,} in arrears)")
for label, run in zip(["first run", "same date again", "next morning"], map(float, sys.argv[4:])):
    print(f"  {label}: {run/1000:.1f} s = {leases/run*1000:,.0f} leases/s; run/floor = {run/floor:.2f}x")
PY
# the figures, with when, where and the load, into docs/performance.md ("Latest runs")
grep -E '^(==|SUMMARY|  |escalation run|cases )' "$LOG" > "$OUT/escalation-$LEASES.figures" || true
java -cp target/test-classes kr.fm.arrears.bench.Figures "escalation-$LEASES" < "$OUT/escalation-$LEASES.figures" > /dev/null
echo "figures written to docs/performance.md (escalation-$LEASES)"

#!/usr/bin/env bash
# Latency of the arrears board (/board, 50 cases a page) on a generated portfolio with its open cases.
#   scripts/bench-board.sh [LEASES=100000] [REQUESTS=50] [DATE=2026-10-15]
#   BASE=arrears_board_bench_100000 scripts/bench-board.sh      # another database name for the portfolio
# The portfolio (seed 42, charges through 2026-10, as scripts/bench-escalation.sh makes it) is generated
# into $BASE once; a copy of it gets one real escalation run on DATE (about 12,000 open cases for 100,000
# leases) and is kept as ${BASE}_cases. Each measurement works on a fresh copy of that (${BASE}_board),
# dropped at the end: the service (target/arrears-*.jar, port 8283, scheduling off, -Xmx512m, the clock
# fixed at DATE 10:00 Seoul) is signed in once through the form; the first request is timed alone (it
# computes today's arrears of every open case), then each page is asked for WARMUP times and REQUESTS
# times one after another, timed by curl: the first page, a search and a sort (by balance, page 3).
# Also checks that the board's total equals GET /api/arrears's for the same date, and writes the figures
# with the load average into docs/performance.md ("Latest runs", key board-LEASES).
# Needs target/arrears-*.jar (./mvnw -o -q -DskipTests package).
set -euo pipefail
LEASES=${1:-100000}
REQUESTS=${2:-50}
DATE=${3:-2026-10-15}
WARMUP=${WARMUP:-10}
SEED=42
THROUGH=2026-10
BASE=${BASE:-arrears_bench_${LEASES}}
CASES=${BASE}_cases
DB=${BASE}_board
PORT=8283
PASSWORD=bench-board-password
JAR=$(ls target/arrears-*.jar | head -1)
OUT=target/bench; mkdir -p "$OUT"
LOG="$OUT/board-$LEASES.log"
exec > >(tee "$LOG") 2>&1
PSQL="psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q"
URL=http://127.0.0.1:$PORT
source "$(dirname "$0")/bench-service.sh"

if [[ "$(portfolio_marker "$BASE")" != *"\"leases\":$LEASES,"*"\"through\":\"$THROUGH\""*"/$SEED" ]]; then
  echo "generating $LEASES leases into $BASE (seed $SEED)"
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $BASE"
  java -jar "$JAR" generate-portfolio --leases="$LEASES" --seed=$SEED --through=$THROUGH --first-landlord-leases=500 \
      --arrears.db.name="$BASE" --logging.level.root=WARN | grep generated
fi
with_cases "$BASE" "$CASES" "$DATE"
fresh_copy "$CASES" "$DB"
OPEN=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM arrears_case WHERE closed_on IS NULL")
# a search for one tenant's name, as a person types it (the tenant of the open case in the middle)
NEEDLE=$($PSQL -d "$DB" -Atc "SELECT l.code FROM arrears_case c JOIN lease l ON l.id = c.lease_id WHERE c.closed_on IS NULL
                              ORDER BY c.id OFFSET $((OPEN / 2)) LIMIT 1")

start_service board $PORT "$DB" $PASSWORD --arrears.clock.fixed="${DATE}T10:00:00+09:00"
COOKIE=$(signin admin $PASSWORD)

page() { curl -fs -H "Cookie: $COOKIE" "$URL$1"; }
ms() { curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" "$URL$1" | awk '{printf "%.1f\n", $1 * 1000}'; }

echo "$LEASES leases, $OPEN open cases on $DATE; search term $NEEDLE"
# the first request after a start computes today's arrears of every open case (then remembered until the ledger changes)
COLD_MS=$(curl -fs -o "$OUT/board-first.html" -w '%{time_total}' -H "Cookie: $COOKIE" "$URL/board" | awk '{printf "%.0f", $1 * 1000}')
FIRST=$(cat "$OUT/board-first.html")
echo "first request after the start (today's arrears of every open case computed): $COLD_MS ms"
BOARD_COUNT=$(grep -oP 'id="open-cases">\K[0-9,]+' <<<"$FIRST" | tr -d ,)
BOARD_TOTAL=$(grep -oP 'id="total-balance">\K[0-9,]+' <<<"$FIRST" | tr -d ,)
API_TOTAL=0; API_LEASES=0
for offset in $(seq 0 5000 $((LEASES))); do
  read -r n s < <(page "/api/arrears?limit=5000&offset=$offset" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["leases"], r["overdueBalance"])')
  API_TOTAL=$((API_TOTAL + s)); API_LEASES=$((API_LEASES + n))
  [[ $n -lt 5000 ]] && break
done
echo "board: $BOARD_COUNT cases, total $BOARD_TOTAL won; GET /api/arrears (all pages): $API_LEASES leases in arrears, total $API_TOTAL won; totals $([[ $BOARD_TOTAL == "$API_TOTAL" ]] && echo match || echo DIFFER)"
SEARCHED=$(page "/board?q=$NEEDLE" | grep -oP 'id="open-cases">\K[0-9,]+')
echo "search for $NEEDLE: $SEARCHED case(s)"

declare -A TARGETS=([first-page]="/board" [search]="/board?q=$NEEDLE" [sort]="/board?sort=balance&dir=desc&page=3")
echo "== load before: $(uptime)"
for name in first-page search sort; do
  target=${TARGETS[$name]}
  for _ in $(seq "$WARMUP"); do ms "$target" > /dev/null; done
  for _ in $(seq "$REQUESTS"); do ms "$target"; done > "$OUT/board-$name.ms"
  python3 - "$name" "$target" "$OUT/board-$name.ms" <<'PY'
import sys
name, target, path = sys.argv[1], sys.argv[2], sys.argv[3]
t = sorted(float(x) for x in open(path))
pct = lambda p: t[min(len(t) - 1, max(0, round(p / 100 * len(t) + 0.5) - 1))]
print(f"SUMMARY {name:<10} {target:<40} p50 {pct(50):6.1f} ms  p95 {pct(95):6.1f} ms  max {t[-1]:6.1f} ms  ({len(t)} requests in a row)")
PY
done
echo "== load after: $(uptime)"
# the figures, with when, where and the load, into docs/performance.md ("Latest runs")
grep -E '^(==|SUMMARY|board:|search for|first request|[0-9]+ leases)' "$LOG" > "$OUT/board-$LEASES.figures" || true
java -cp target/test-classes kr.fm.arrears.bench.Figures "board-$LEASES" < "$OUT/board-$LEASES.figures" > /dev/null
echo "figures written to docs/performance.md (board-$LEASES)"

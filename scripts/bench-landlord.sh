#!/usr/bin/env bash
# A landlord's arrears list at scale (issue 18): p50/p95/p99 with CLIENTS concurrent clients (wrk) for
#   GET /api/arrears?landlordId=L&limit=500  — the landlord with 500 leases (the generator's first)
#   GET /board (that landlord, signed in)     — the portal's arrears list: the landlord's open cases, 50 a page
#   GET / (that landlord, signed in)          — the portal's home: the month, the open arrears, the charts
#   GET /api/arrears/leases/{id}              — one of its leases in arrears (the single-lease figure)
# in the same run, one after the other, on the same service.
#   scripts/bench-landlord.sh [LEASES=5000] [DURATION=20s] [CLIENTS=16]
#   BASE=arrears_bench_100000 scripts/bench-landlord.sh 100000   # an existing portfolio of that size
# The portfolio (seed 42, charges through 2026-10, --first-landlord-leases=500) is generated into $BASE
# once and gets one escalation run on DATE in a copy kept as ${BASE}_cases (the open cases the board
# lists); that is copied to ${BASE}_landlord for the run and dropped at the end. The service (target/arrears-*.jar,
# port 8284, scheduling off, -Xmx512m, the clock fixed at DATE 10:00 Seoul) is signed in once through the
# form, as the ADMIN and as the landlord (sessions, not HTTP Basic: bcrypt on every request would be
# the figure). Each target gets a 5 s warm-up, then wrk --latency; the load average is printed before
# and after each and the figures go into docs/performance.md ("Latest runs", key landlord-LEASES).
# Needs target/arrears-*.jar (./mvnw -o -q -DskipTests package) and wrk (apt-get install -y wrk).
set -euo pipefail
LEASES=${1:-5000}
DURATION=${2:-20s}
CLIENTS=${3:-16}
DATE=${DATE:-2026-10-15}
SEED=42
THROUGH=2026-10
BASE=${BASE:-arrears_landlord_bench_${LEASES}}
DB=${BASE}_landlord
PORT=8284
PASSWORD=bench-landlord-password
JAR=${JAR:-$(ls target/arrears-*.jar | head -1)}
OUT=target/bench; mkdir -p "$OUT"
LOG="$OUT/landlord-$LEASES.log"
exec > >(tee "$LOG") 2>&1
PSQL="psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q"
URL=http://127.0.0.1:$PORT
source "$(dirname "$0")/bench-service.sh"

if [[ "$(portfolio_marker "$BASE")" != *"\"leases\":$LEASES,"* ]]; then
  echo "generating $LEASES leases into $BASE (seed $SEED, first landlord 500 leases)"
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $BASE"
  java -jar "$JAR" generate-portfolio --leases="$LEASES" --seed=$SEED --through=$THROUGH --first-landlord-leases=500 \
      --arrears.db.name="$BASE" --logging.level.root=WARN | grep generated
fi
# the landlord's board lists open cases: one real escalation run on DATE opens them, kept as ${BASE}_cases
CASES=${BASE}_cases
with_cases "$BASE" "$CASES" "$DATE"
fresh_copy "$CASES" "$DB"
LANDLORD=$($PSQL -d "$DB" -Atc "SELECT b.landlord_id FROM lease l JOIN building b ON b.id = l.building_id
                                GROUP BY b.landlord_id ORDER BY count(*) DESC, b.landlord_id LIMIT 1")
OF_LANDLORD=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = $LANDLORD")
LEASE=$($PSQL -d "$DB" -Atc "SELECT l.id FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = $LANDLORD
    AND (SELECT sum(amount + vat) FROM charge c WHERE c.lease_id = l.id AND c.due_date < '$DATE')
      > (SELECT coalesce(sum(amount), 0) FROM payment p WHERE p.lease_id = l.id AND p.paid_on <= '$DATE') ORDER BY l.id LIMIT 1")

start_service landlord $PORT "$DB" $PASSWORD --arrears.clock.fixed="${DATE}T10:00:00+09:00"

ADMIN=$(signin admin $PASSWORD)
# a LANDLORD account for the first landlord, opened by the ADMIN through the API
curl -fs -o /dev/null -H 'Content-Type: application/json' -u admin:$PASSWORD \
    -d "{\"username\":\"owner1\",\"displayName\":\"임대인\",\"role\":\"LANDLORD\",\"landlordId\":$LANDLORD,\"temporaryPassword\":\"$PASSWORD\"}" \
    $URL/api/users
# (a temporary password is to be changed at the first sign-in: not the figure to measure)
$PSQL -d "$DB" -c "UPDATE app_user SET must_change_password = FALSE WHERE username = 'owner1'"
OWNER=$(signin owner1 $PASSWORD)

ONE="$URL/api/arrears/leases/$LEASE"
LIST="$URL/api/arrears?landlordId=$LANDLORD&limit=500"
PORTAL="$URL/"
BOARD="$URL/board"
echo "$LEASES leases; landlord $LANDLORD has $OF_LANDLORD; $(curl -fs -H "Cookie: $ADMIN" "$LIST" | grep -oP '"leases":\d+' || true) in arrears on $DATE ($(curl -fs -H "Cookie: $ADMIN" "$LIST" | wc -c) bytes); lease $LEASE: $(curl -fs -H "Cookie: $ADMIN" "$ONE" | wc -c) bytes; portal home $(curl -fs -H "Cookie: $OWNER" "$PORTAL" | wc -c) bytes, its board $(curl -fs -H "Cookie: $OWNER" "$BOARD" | grep -oP 'id="open-cases">\K[0-9,]+') cases"
# wrk prints p50/p95/p99 from its own latency histogram
PCT=$(mktemp --suffix=.lua)
cat > "$PCT" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("PCT p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %.1f req/s  %d requests  %d errors\n",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.requests / (summary.duration / 1e6), summary.requests,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
declare -A COOKIE_OF=([landlord-list]="$ADMIN" [portal-board]="$OWNER" [portal-home]="$OWNER" [one-lease]="$ADMIN")
declare -A TARGET_OF=([landlord-list]="$LIST" [portal-board]="$BOARD" [portal-home]="$PORTAL" [one-lease]="$ONE")
for name in landlord-list portal-board portal-home one-lease; do
  target=${TARGET_OF[$name]}; cookie=${COOKIE_OF[$name]}
  wrk -t2 -c"$CLIENTS" -d5s -H "Cookie: $cookie" "$target" > /dev/null # warm-up
  echo "== load before: $(uptime)"
  line=$(wrk -t2 -c"$CLIENTS" -d"$DURATION" -s "$PCT" -H "Cookie: $cookie" "$target" | grep '^PCT')
  echo "SUMMARY $name ${target#"$URL"} ${CLIENTS} clients: ${line#PCT }"
  echo "== load after: $(uptime)"
done
grep -E '^(==|SUMMARY|[0-9]+ leases)' "$LOG" > "$OUT/landlord-$LEASES.figures" || true
java -cp target/test-classes kr.fm.arrears.bench.Figures "landlord-$LEASES" < "$OUT/landlord-$LEASES.figures" > /dev/null
echo "figures written to docs/performance.md (landlord-$LEASES)"

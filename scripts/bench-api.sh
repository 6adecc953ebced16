#!/usr/bin/env bash
# Latency of the arrears API under concurrent load from a second process (wrk) on loopback.
#   scripts/bench-api.sh [DURATION=30s] [CONNECTIONS=8]
# Works on a fresh copy (arrears_bench_api) of the 100,000-lease portfolio that
# scripts/bench-escalation.sh 100000 generates (first landlord: 500 leases). Starts the service
# (target/arrears-*.jar, port 8282, scheduling off, -Xmx512m), signs in once through the form and
# reuses the session cookie: with HTTP Basic every request would run bcrypt (tens of ms by design),
# which would measure bcrypt, not the API. Needs wrk (apt-get install -y wrk).
set -euo pipefail
DURATION=${1:-30s}
CONNECTIONS=${2:-8}
BASE=arrears_bench_100000
DB=arrears_bench_api
PORT=8282
ASOF=2026-10-15
PASSWORD=bench-api-password
JAR=$(ls target/arrears-*.jar | head -1)
OUT=target/bench; mkdir -p "$OUT"
LOG="$OUT/api.log"
exec > >(tee "$LOG") 2>&1
PSQL="psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q"
URL=http://127.0.0.1:$PORT
source "$(dirname "$0")/bench-service.sh"

fresh_copy "$BASE" "$DB" # statistics for every table (portfolios generated before lease_unit was analysed lack them)
LANDLORD=$($PSQL -d "$DB" -Atc "SELECT b.landlord_id FROM lease l JOIN building b ON b.id = l.building_id
                                GROUP BY b.landlord_id ORDER BY count(*) DESC, b.landlord_id LIMIT 1")
LEASES_OF_LANDLORD=$($PSQL -d "$DB" -Atc "SELECT count(*) FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = $LANDLORD")
LEASE=$($PSQL -d "$DB" -Atc "SELECT l.id FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = $LANDLORD
    AND (SELECT sum(amount + vat) FROM charge c WHERE c.lease_id = l.id AND c.due_date < '$ASOF')
      > (SELECT coalesce(sum(amount), 0) FROM payment p WHERE p.lease_id = l.id AND p.paid_on <= '$ASOF') ORDER BY l.id LIMIT 1")

start_service api $PORT "$DB" $PASSWORD
COOKIE=$(signin admin $PASSWORD)

ONE="$URL/api/arrears/leases/$LEASE?asOf=$ASOF"
MANY="$URL/api/arrears?landlordId=$LANDLORD&asOf=$ASOF&limit=500"
echo "lease $LEASE: $(curl -fs -H "Cookie: $COOKIE" "$ONE" | wc -c) bytes"
echo "landlord $LANDLORD has $LEASES_OF_LANDLORD leases; $(curl -fs -H "Cookie: $COOKIE" "$MANY" | grep -oP '"leases":\d+' || true) of them in arrears on $ASOF ($(curl -fs -H "Cookie: $COOKIE" "$MANY" | wc -c) bytes)"
for target in "$ONE" "$MANY"; do
  curl -fs -H "Cookie: $COOKIE" "$target" > /dev/null
  wrk -t2 -c$CONNECTIONS -d5s -H "Cookie: $COOKIE" "$target" > /dev/null # warm-up
  echo "== load before: $(uptime)"
  echo "== wrk --latency -t2 -c$CONNECTIONS -d$DURATION $target"
  wrk --latency -t2 -c$CONNECTIONS -d$DURATION -H "Cookie: $COOKIE" "$target" | tee -a "$OUT/api-wrk.txt" \
      | grep -E "50%|90%|99%|Requests/sec|requests in|Non-2xx"
  echo "== load after: $(uptime)"
done
# the figures, with when, where and the load, into docs/performance.md ("Latest runs")
grep -vE '^(CREATE|DROP|DELETE|ANALYZE)' "$LOG" > "$OUT/api.figures" || true
java -cp target/test-classes kr.fm.arrears.bench.Figures "arrears-api" < "$OUT/api.figures" > /dev/null
echo "figures written to docs/performance.md (arrears-api)"

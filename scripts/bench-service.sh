# Sourced by the HTTP benchmarks (bench-api.sh, bench-board.sh, bench-landlord.sh): the service started
# as its own process on a copy of a portfolio, and signed in once through the form. Expects PSQL, URL,
# OUT and JAR to be set by the caller.

# with_cases BASE CASES DATE: CASES is BASE after one real escalation run on DATE (the open cases the
# pages list), made once and found again by its completed run and its portfolio marker
with_cases() {
  local base=$1 cases=$2 date=$3 done
  done=$($PSQL -d "$cases" -Atc "SELECT count(*) FROM escalation_run WHERE business_date = '$date' AND status = 'COMPLETED'
                                 AND NOT dry_run" 2>/dev/null || echo 0)
  if [[ "$done" != "1" || "$(portfolio_marker "$cases")" != "$(portfolio_marker "$base")" ]]; then
    echo "opening the cases: one escalation run on $date into $cases"
    $PSQL -d postgres -c "DROP DATABASE IF EXISTS $cases"
    $PSQL -d postgres -c "CREATE DATABASE $cases TEMPLATE $base"
    java -Xmx512m -jar "$JAR" escalation-run --date="$date" --arrears.db.name="$cases" --logging.level.root=WARN | grep "escalation run"
  fi
}

portfolio_marker() {
  $PSQL -d "$1" -Atc "SELECT details || '/' || subject_id FROM audit_event WHERE action = 'PORTFOLIO_GENERATED' ORDER BY id LIMIT 1" \
      2>/dev/null || true
}

# fresh_copy FROM DB: DB a new copy of FROM, statistics for every table, and no ADMIN: the service then
# creates one with the password the benchmark passes it (the generator's is random)
fresh_copy() {
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $2"
  $PSQL -d postgres -c "CREATE DATABASE $2 TEMPLATE $1"
  $PSQL -d "$2" -c "DELETE FROM app_user WHERE role = 'ADMIN'"
  $PSQL -d "$2" -c "ANALYZE"
}

# start_service NAME PORT DB PASSWORD [ARGS...]: the jar in the background (scheduling off, -Xmx512m, its
# log in $OUT/NAME-service.log), stopped and DB dropped when the script exits; returns once it answers
start_service() {
  local name=$1 port=$2 db=$3 password=$4
  shift 4
  java -Xmx512m -jar "$JAR" --server.port="$port" --arrears.scheduling.enabled=false --arrears.db.name="$db" \
      --arrears.security.admin-password="$password" --logging.level.root=WARN "$@" > "$OUT/$name-service.log" 2>&1 &
  SERVICE=$!
  SERVICE_DB=$db
  trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; $PSQL -d postgres -c "DROP DATABASE IF EXISTS $SERVICE_DB"' EXIT
  for _ in $(seq 120); do curl -fs -o /dev/null "$URL/login" && return 0; sleep 1; done
  echo "the service did not answer in 120 s: see $OUT/$name-service.log" >&2
  return 1
}

# signin USER PASSWORD: signs in through the form (CSRF token from the login page), prints the session
# cookie. Sessions, not HTTP Basic: bcrypt on every request would be the figure.
signin() {
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -fs -c "$jar" "$URL/login" | grep -oP 'name="_csrf"[^>]*value="\K[^"]+')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode username="$1" --data-urlencode password="$2" \
      --data-urlencode _csrf="$csrf" "$URL/login"
  echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
}

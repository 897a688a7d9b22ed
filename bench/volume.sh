#!/usr/bin/env bash
# Volume benchmark (issue 20): the service on an empty embedded store and on one filled with DECISIONS decisions,
# measured the same way in one run, so that every figure of the filled store has its empty-store baseline.
#
#   bench/volume.sh                          # build, fill 1,000,000 decisions (~7 min idle), measure both stores
#   DECISIONS=200000 bench/volume.sh         # a smaller fill (state the size with the figures)
#   FILL_DAYS=40                             # days the fill's arrivals span, ending now (default DECISIONS / 5000)
#   FILLED=/tmp/encours-volume.XXXXXX bench/volume.sh   # reuses that folder's filled store (a copy): no fill
#   KEEP_WORK=1 / SKIP_BUILD=1 / BUILD_FROM=head / SERVICE_JAR=<jar> / WAIT_IDLE=300 / JAVA_OPTS=...   as in load-test.sh
#
# For each store (empty, then filled):
#  - start-up: java -jar to /actuator/health UP, and to /actuator/health/readiness UP;
#  - first decision: the time of the first order check sent once the service is ready;
#  - order checks with wrk at CONNECTIONS (32) for DURATION (20) s after WARMUP (30) s: throughput and p99;
#  - reads, each timed by curl (READ_TIMEOUT 120 s: "timeout" when it does not answer): a decision by id, a
#    customer's history, the audit search by outcome and time, decision counts per day, the chain verification of
#    the last day, a simulation of the active version over the last day (start to DONE);
#  - store bytes per decision: the store file's size over the decisions it holds.
# The fill records decisions through the service's own decision path in process (bench/simulation/BulkDecisions).
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"

DECISIONS=${DECISIONS:-1000000}
# The fill's arrival times are spread over this many days ending now (5,000 decisions a day by default), so that
# "the last day" of the filled store holds a day's decisions, not the whole fill.
FILL_DAYS=${FILL_DAYS:-$((DECISIONS / 5000))}
BULK_THREADS=${BULK_THREADS:-64}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
READ_TIMEOUT=${READ_TIMEOUT:-120}
EXAMPLES=$ROOT/decision-service/src/main/resources/openapi/examples/requests
BODY=$EXAMPLES/orderCheck.json
AUDITOR_USER=bench-auditor
AUDITOR_PASSWORD=bench-auditor-$(date +%s)-$RANDOM
COMMITTEE_USER=bench-committee
COMMITTEE_PASSWORD=bench-committee-$(date +%s)-$RANDOM
if [ -n "${FILLED:-}" ]; then
  # shellcheck disable=SC1091
  source "$FILLED/users.env"
fi

WORK=$(mktemp -d /tmp/encours-volume.XXXXXX)
cleanup() {
  stop_service
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

ensure_wrk
mkdir -p bench/results
OUT=bench/results/volume-$(date +%F)${RESULTS_SUFFIX:-}.txt
prepare_jar "$WORK"
wait_for_idle
JAVA_OPTS="$JAVA_OPTS -Dencours.security.bootstrap.users.$AUDITOR_USER.password=$AUDITOR_PASSWORD"
JAVA_OPTS="$JAVA_OPTS -Dencours.security.bootstrap.users.$AUDITOR_USER.roles=AUDITOR"
JAVA_OPTS="$JAVA_OPTS -Dencours.security.bootstrap.users.$COMMITTEE_USER.password=$COMMITTEE_PASSWORD"
JAVA_OPTS="$JAVA_OPTS -Dencours.security.bootstrap.users.$COMMITTEE_USER.roles=CREDIT_COMMITTEE"

{
  echo "# Encours volume benchmark, $(date -Iseconds)"
  describe_machine
  echo "# setup:    empty store, then $DECISIONS decisions recorded in process ($BULK_THREADS threads); wrk -c$CONNECTIONS ${DURATION}s after ${WARMUP}s warm-up; embedded store"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

fill() {
  if [ -n "${FILLED:-}" ]; then
    log "Reusing the store filled in $FILLED (a copy in $WORK/filled)"
    cp -r "$FILLED/filled" "$WORK/filled"
    cp "$FILLED/fill.txt" "$FILLED/users.env" "$WORK/"
    tee -a "$OUT" <"$WORK/fill.txt"
    return
  fi
  log "Recording $DECISIONS decisions in process ($BULK_THREADS threads; data in $WORK/filled)"
  unzip -q -o "$SERVICE_JAR" -d "$WORK/jar"
  local classes="$WORK/jar/BOOT-INF/classes:$WORK/jar/BOOT-INF/lib/*"
  mkdir -p "$WORK/helper"
  "${JAVA%java}javac" -q -d "$WORK/helper" -cp "$classes" "$BENCH_DIR/simulation/BulkDecisions.java" 2>/dev/null \
    || "${JAVA%java}javac" -d "$WORK/helper" -cp "$classes" "$BENCH_DIR/simulation/BulkDecisions.java"
  # shellcheck disable=SC2086
  ENCOURS_DATA_DIR=$WORK/filled timeout "${BULK_TIMEOUT:-7200}" "$JAVA" $JAVA_OPTS \
    -Dencours.security.bootstrap.admin-password="$BENCH_ADMIN_PASSWORD" -Dlogging.level.io.encours=WARN \
    -cp "$WORK/helper:$classes" io.encours.service.decision.BulkDecisions "$DECISIONS" "$BULK_THREADS" "$EXAMPLES" "$FILL_DAYS" \
    >"$WORK/bulk.log" 2>&1 || { log "Bulk recording failed; last lines of $WORK/bulk.log:"; tail -30 "$WORK/bulk.log" >&2; exit 1; }
  grep '^BULK' "$WORK/bulk.log" | tail -1 | sed 's/^BULK /fill: /' | tee "$WORK/fill.txt" | tee -a "$OUT"
  printf 'AUDITOR_PASSWORD=%s\nCOMMITTEE_PASSWORD=%s\nBENCH_ADMIN_PASSWORD=%s\n' \
    "$AUDITOR_PASSWORD" "$COMMITTEE_PASSWORD" "$BENCH_ADMIN_PASSWORD" >"$WORK/users.env"
}

# timed <label> <curl args...>: one read, its time in ms (or "timeout"/"HTTP <code>") as a RESULT line.
timed() {
  local label=$1; shift
  local answer code seconds
  answer=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -m "$READ_TIMEOUT" "$@" || echo "000 $READ_TIMEOUT")
  code=${answer%% *}; seconds=${answer##* }
  if [ "$code" = 000 ]; then echo "RESULT $STORE $label timeout(>${READ_TIMEOUT}s)"
  elif [ "${code:0:1}" != 2 ]; then echo "RESULT $STORE $label HTTP-$code"
  else echo "RESULT $STORE $label $(awk -v s="$seconds" 'BEGIN { printf "%.0f ms", s * 1000 }')"; fi
}

measure() {
  STORE=$1
  local data=$2 port base t0 decisions bytes
  port=$(free_port); base=http://127.0.0.1:$port
  log "[$STORE] starting the service on $base (data in $data)"
  t0=$(date +%s.%N)
  START_TIMEOUT=${START_TIMEOUT:-600} start_service "$port" "$data" "$WORK/service-$STORE.log"
  echo "RESULT $STORE start-up(health UP) $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')" | tee -a "$OUT"
  until curl -s -m 2 "$base/actuator/health/readiness" | grep -q '"status":"UP"'; do sleep 0.2; done
  echo "RESULT $STORE start-up(readiness UP) $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')" | tee -a "$OUT"
  setup_auth "$base" "$BODY"
  local key=(-H "X-API-Key: $API_KEY") auditor=(-u "$AUDITOR_USER:$AUDITOR_PASSWORD") committee=(-u "$COMMITTEE_USER:$COMMITTEE_PASSWORD")
  timed first-order-check -X POST "$base/api/v1/decisions/order-check" "${key[@]}" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: volume-first-$(date +%s%N)" --data-binary "@$BODY" | tee -a "$OUT"
  local id; id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["decisionId"])' "$WORK/answer.json" || echo none)

  log "[$STORE] order checks: ${WARMUP} s warm-up, then ${DURATION} s measured at $CONNECTIONS connections"
  BODY_FILE=$BODY TARGET_PATH=/api/v1/decisions/order-check RUN_ID="volume-warm-$STORE-$(date +%s%N)" API_KEY=$API_KEY \
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/wrk-post.lua" "$base/api/v1/decisions/order-check" >"$WORK/warm-$STORE.txt" 2>&1
  BODY_FILE=$BODY TARGET_PATH=/api/v1/decisions/order-check RUN_ID="volume-$STORE-$(date +%s%N)" API_KEY=$API_KEY \
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/wrk-post.lua" \
    "$base/api/v1/decisions/order-check" >"$WORK/wrk-$STORE.txt" 2>&1
  sed -n 's/.*WRK_SUMMARY \(.*\)/\1/p' "$WORK/wrk-$STORE.txt" | sed "s/^/RESULT $STORE order-checks /" | tee -a "$OUT"

  local from to
  from=$(date -u -d '-1 day' +%FT%TZ); to=$(date -u -d '+1 minute' +%FT%TZ)
  timed decision-by-id "$base/api/v1/decisions/$id" "${key[@]}" | tee -a "$OUT"
  timed customer-history "$base/api/v1/customers/C-1000/decisions?size=50" "${key[@]}" | tee -a "$OUT"
  timed audit-search-outcome-time "$base/api/v1/audit/decisions?outcome=REVIEW&from=$from&to=$to&size=50" "${auditor[@]}" | tee -a "$OUT"
  timed stats-per-day "$base/api/v1/stats/decisions?days=1" "${auditor[@]}" | tee -a "$OUT"
  timed chain-verify-day "$base/api/v1/audit/verify?from=$from&to=$to" "${auditor[@]}" | tee -a "$OUT"
  local version sim t1 status
  version=$(curl -s -m 30 "${committee[@]}" "$base/api/v1/policies/active" | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
  t1=$(date +%s.%N)
  sim=$(curl -s -m "$READ_TIMEOUT" "${committee[@]}" -X POST "$base/api/v1/simulations" -H 'Content-Type: application/json' \
    -d "{\"version\":$version,\"from\":\"$from\",\"to\":\"$to\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' || echo "")
  status=none
  if [ -n "$sim" ]; then
    local deadline=$((SECONDS + ${SIM_TIMEOUT:-1800}))
    while [ $SECONDS -lt $deadline ]; do
      status=$(curl -s -m 30 "${committee[@]}" "$base/api/v1/simulations/$sim" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' || echo unknown)
      case "$status" in RUNNING|PENDING|unknown) sleep 1;; *) break;; esac
    done
  fi
  echo "RESULT $STORE simulation-over-a-day $status $(awk -v a="$t1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')" | tee -a "$OUT"
  # Records in the store: the fill, the two probes and the first decision, the warm-up's and the measured requests.
  decisions=$(cat "$WORK/warm-$STORE.txt" "$WORK/wrk-$STORE.txt" | sed -n 's/.*WRK_SUMMARY requests=\([0-9]*\).*/\1/p' \
    | awk -v filled="$([ "$STORE" = filled ] && sed -n 's/.*recorded=\([0-9]*\).*/\1/p' "$WORK/fill.txt" || echo 0)" \
      '{ s += $1 } END { print s + filled + 2 }')
  stop_service
  bytes=$(find "$data" -name '*.mv.db' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  echo "RESULT $STORE store $bytes bytes, $decisions records -> $(awk -v b="$bytes" -v n="$decisions" 'BEGIN { printf "%.0f", (n > 0 ? b / n : 0) }') bytes per record" | tee -a "$OUT"
}

fill
measure empty "$WORK/empty"
measure filled "$WORK/filled"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"

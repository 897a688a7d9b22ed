#!/usr/bin/env bash
# Order check by reference vs. order check with a full payload (issue 14), in the same run on the same service:
# the two loads alternate (warm-up of each, then ROUNDS rounds of DURATION seconds of each), so that whatever the
# shared machine does weighs on both. Target of the issue: by-reference throughput >= 0.9 x full payload.
#
# By reference, each request names one of CUSTOMERS accounts in turn (a sound, rated customer with a ledger
# position) and a new order of 10 EUR: the service reads the account and the ledger position, decides, writes
# the audit record, and reserves the approved amount with its conditional update of the position. The full
# payload is the OpenAPI example (decision-service/.../openapi/examples/requests/orderCheck.json): decision and
# audit record only. Both are APPROVE (checked by one probe of each before the runs); every request is a new
# decision (its own Idempotency-Key).
#
#   bench/order-by-reference.sh                   # build, run (about 5 minutes), write bench/results/order-by-reference-<date>.txt
#   SERVICE_JAR=<jar> CUSTOMERS=100 ROUNDS=3 DURATION=20 WARMUP=30 CONNECTIONS=16 bench/order-by-reference.sh
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"
CUSTOMERS=${CUSTOMERS:-100}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-16}
PATH_ORDER=/api/v1/decisions/order-check
export FULL_BODY=$ROOT/decision-service/src/main/resources/openapi/examples/requests/orderCheck.json
WORK=$(mktemp -d /tmp/encours-order-ref.XXXXXX)
mkdir -p bench/results
OUT=$ROOT/bench/results/order-by-reference-$(date -u +%Y-%m-%d)${RESULTS_SUFFIX:-}.txt
trap 'stop_service; rm -rf "$WORK"' EXIT
ensure_wrk
prepare_jar "$WORK"
wait_for_idle
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
{
  echo "# Encours order check by reference vs full payload, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  describe_machine
  echo "# setup: wrk -t2 -c$CONNECTIONS, $CUSTOMERS accounts, warm-up ${WARMUP} s of each, then $ROUNDS rounds of $DURATION s by reference then $DURATION s full payload"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
start_service "$PORT" "$WORK/data" "$WORK/service.log"
SETUP=$(python3 "$BENCH_DIR/order_by_reference.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD" "$CUSTOMERS" "$WORK")
grep '^#' <<<"$SETUP" | tee -a "$OUT"
eval "$(grep -v '^#' <<<"$SETUP")"

# run <label> <body file> <seconds> [customers]: one wrk run; prints its summary line, prefixed by the label.
run() {
  local cpu0 cpu1 summary
  cpu0=$(cpu_seconds "$SERVICE_PID")
  summary=$(BODY_FILE=$2 TARGET_PATH=$PATH_ORDER RUN_ID="$1-$(date +%s%N)" API_KEY=$ORDER_KEY \
    CUSTOMERS=${4:-0} CUSTOMER_PREFIX=C-REF-BENCH- \
    wrk -t2 -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency -s "$BENCH_DIR/wrk-post.lua" "$BASE$PATH_ORDER" \
    | grep WRK_SUMMARY)
  cpu1=$(cpu_seconds "$SERVICE_PID")
  echo "$1 $summary cpu_s=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.1f", b - a }')"
}

run warmup-by-reference "$WORK/by-reference.json" "$WARMUP" "$CUSTOMERS" | tee -a "$OUT"
run warmup-full-payload "$FULL_BODY" "$WARMUP" | tee -a "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  run "round-$r-by-reference" "$WORK/by-reference.json" "$DURATION" "$CUSTOMERS" | tee -a "$OUT"
  run "round-$r-full-payload" "$FULL_BODY" "$DURATION" | tee -a "$OUT"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
# Totals over the measured rounds (warm-ups left out): requests / seconds for each, and their ratio.
grep '^round-' "$OUT" | awk '
  { kind = ($1 ~ /by-reference$/) ? "ref" : "full"
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n[kind] += v["requests"]; us[kind] += v["duration_us"]; cpu[kind] += v["cpu_s"]; bad[kind] += v["non2xx"] + v["timeouts"] }
  END {
    ref = n["ref"] / (us["ref"] / 1e6); full = n["full"] / (us["full"] / 1e6)
    printf "RESULT by_reference_rps=%.1f full_payload_rps=%.1f ratio=%.3f (target >= 0.9)", ref, full, ref / full
    printf " cpu_ms_per_check by_reference=%.2f full_payload=%.2f non2xx_or_timeouts=%d/%d\n", cpu["ref"] * 1000 / n["ref"], cpu["full"] * 1000 / n["full"], bad["ref"], bad["full"] }' \
  | tee -a "$OUT"
echo "(written to $OUT)"

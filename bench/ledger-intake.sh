#!/usr/bin/env bash
# Ledger intake (issue 14): ORDER_BOOKED events posted to POST /api/v1/ledger/events in batches of 500 on the
# embedded store, each batch answered once durable. Target of the issue: >= 10,000 events/s.
#
#   bench/ledger-intake.sh                          # build, run, write bench/results/ledger-intake-<date>.txt
#   CUSTOMERS=100 BATCHES=20 BATCH_SIZE=500 SERVICE_JAR=<jar> bench/ledger-intake.sh
#   PROFILE=cpu bench/ledger-intake.sh              # async-profiler (Maven Central, as bench/profile.sh) on the
#                                                   # intake, summarised by phase (bench/ledger_profile.py)
#   WARMUP_BATCHES=4 ...                            # batches sent first and not counted (a warm JVM)
#   RESULTS_SUFFIX=-ab1 ...                         # several runs on one day: one file each
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"
CUSTOMERS=${CUSTOMERS:-100}
BATCHES=${BATCHES:-20}
BATCH_SIZE=${BATCH_SIZE:-500}
WARMUP_BATCHES=${WARMUP_BATCHES:-0}
WORK=$(mktemp -d /tmp/encours-ledger.XXXXXX)
OUT=$ROOT/bench/results/ledger-intake-$(date -u +%Y-%m-%d)${RESULTS_SUFFIX:-}.txt
trap 'stop_service; rm -rf "$WORK"' EXIT
prepare_jar "$WORK"
if [ -n "${PROFILE:-}" ]; then
  PROFILER_VERSION=${PROFILER_VERSION:-4.1}
  PROFILER_LIB=${PROFILER_LIB:-}
  if [ -z "$PROFILER_LIB" ]; then
    ./mvnw -q -B ${MVN_FLAGS:-} dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" \
      -DoutputDirectory="$WORK/profiler" >&2
    (cd "$WORK/profiler" && unzip -q -o "async-profiler-$PROFILER_VERSION.jar" "linux-x64/libasyncProfiler.so")
    PROFILER_LIB=$WORK/profiler/linux-x64/libasyncProfiler.so
  fi
  JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
fi
profiler() {
  "$JCMD" "$SERVICE_PID" JVMTI.agent_load "$PROFILER_LIB" "\"$1\"" >"$WORK/jcmd.txt" 2>&1 \
    || { cat "$WORK/jcmd.txt" >&2; return 1; }
  grep -q "return code: 0" "$WORK/jcmd.txt" || { cat "$WORK/jcmd.txt" >&2; return 1; }
}
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
{
  echo "# Encours ledger intake, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# service: $SERVICE_COMMIT"
  echo "# $CUSTOMERS customers, $BATCHES batches of $BATCH_SIZE ORDER_BOOKED events (after $WARMUP_BATCHES not counted), embedded store, durable answers"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
start_service "$PORT" "$WORK/data" "$WORK/service.log"
FEED=$(BENCH_KEY_ROLE=ERP_FEED python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
# The accounts, through the ledger's own import (createAccounts=true): one paid invoice per customer.
{
  echo "customer,invoice,issued,due,amount,paid"
  for i in $(seq 0 $((CUSTOMERS - 1))); do echo "C-BENCH-$i,INV-BENCH-$i,2026-01-02,2026-02-01,10.00,2026-01-20"; done
} > "$WORK/accounts.csv"
curl -s -f -X POST "$BASE/api/v1/ledger/imports/invoices?customerId=customer&invoiceId=invoice&issuedOn=issued&dueOn=due&amount=amount&paidOn=paid&dateFormat=yyyy-MM-dd&currency=EUR&createAccounts=true" \
  -H "X-API-Key: $FEED" -H 'Content-Type: text/csv' --data-binary "@$WORK/accounts.csv" | head -c 300 | tee -a "$OUT"
echo | tee -a "$OUT"
if [ "$WARMUP_BATCHES" -gt 0 ]; then
  python3 "$BENCH_DIR/ledger_intake.py" "$BASE" "$FEED" "$CUSTOMERS" 0 "$BATCH_SIZE" "$WARMUP_BATCHES" | grep "^warm-up" | tee -a "$OUT"
fi
[ -z "${PROFILE:-}" ] || profiler "start,event=$PROFILE,interval=1ms,threads"
CPU0=$(cpu_seconds "$SERVICE_PID")
python3 "$BENCH_DIR/ledger_intake.py" "$BASE" "$FEED" "$CUSTOMERS" "$BATCHES" "$BATCH_SIZE" | tee -a "$OUT"
CPU=$(awk -v a="$CPU0" -v b="$(cpu_seconds "$SERVICE_PID")" 'BEGIN{printf "%.1f", b-a}')
echo "service CPU during intake: $CPU s" | tee -a "$OUT"
if [ -n "${PROFILE:-}" ]; then
  profiler "stop,file=$WORK/intake.collapsed,collapsed"
  echo "# profile: async-profiler, $PROFILE every 1 ms, on the intake" | tee -a "$OUT"
  python3 "$BENCH_DIR/ledger_profile.py" "$WORK/intake.collapsed" $((BATCHES * BATCH_SIZE)) "$CPU" | tee -a "$OUT"
  [ "${KEEP_WORK:-0}" = 1 ] && cp "$WORK/intake.collapsed" "$OUT.collapsed"
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "target >= 10,000 events/s" | tee -a "$OUT"

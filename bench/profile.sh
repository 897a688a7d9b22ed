#!/usr/bin/env bash
# Where the CPU of an order check goes, beside the no-op's (issue 3): the same load as bench/load-test.sh
# (wrk, 32 connections, each order check a new decision with its durable audit record), with
# async-profiler (tools.profiler:async-profiler from Maven Central, CPU samples every 1 ms, kernel frames
# included) attached to the warm service for one order-check run and one no-op run. Prints milliseconds of
# service CPU per request by phase for both and the difference (what a decision adds to the web stack).
#
#   bench/profile.sh                  # build, run (about 6 minutes), write bench/results/profile-<date>.txt
#   SERVICE_JAR=<jar> bench/profile.sh
#   WARMUP=180 DURATION=30 CONNECTIONS=32 INTERVAL=1ms bench/profile.sh
#   KEEP_WORK=1 bench/profile.sh      # keep the collapsed stacks (one line per stack, for flame graph tools)
#
# The profiler costs CPU of its own (about a tenth at 1 ms): compare phases, not totals, with
# bench/load-test.sh's figures. Attached with `jcmd <pid> JVMTI.agent_load` (the JDK's own attach; the
# quotes around the options keep jcmd from splitting them).
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"

CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-180}
DURATION=${DURATION:-30}
INTERVAL=${INTERVAL:-1ms}
PROFILER_VERSION=${PROFILER_VERSION:-4.1}
BODY=$ROOT/decision-service/src/main/resources/openapi/examples/requests/orderCheck.json
ORDER_PATH=/api/v1/decisions/order-check
NOOP_PATH=/api/v1/noop

WORK=$(mktemp -d /tmp/encours-profile.XXXXXX)
cleanup() {
  stop_service
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

case "$(uname -m)" in
  x86_64) PLATFORM=linux-x64;;
  aarch64) PLATFORM=linux-arm64;;
  *) log "async-profiler has no library for $(uname -m)"; exit 1;;
esac
log "Fetching tools.profiler:async-profiler:$PROFILER_VERSION (Maven Central)"
./mvnw -q -B ${MVN_FLAGS:-} dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" \
  -DoutputDirectory="$WORK/profiler" >&2
(cd "$WORK/profiler" && unzip -q -o "async-profiler-$PROFILER_VERSION.jar" "$PLATFORM/libasyncProfiler.so")
PROFILER_LIB=$WORK/profiler/$PLATFORM/libasyncProfiler.so
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"

ensure_wrk
mkdir -p bench/results
OUT=bench/results/profile-$(date +%F)${RESULTS_SUFFIX:-}.txt
prepare_jar "$WORK"
wait_for_idle
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

{
  echo "# Encours service CPU profile (async-profiler $PROFILER_VERSION, cpu every $INTERVAL), $(date -Iseconds)"
  describe_machine
  echo "# setup:    wrk -t2 -c$CONNECTIONS, $WARMUP s of order checks to warm up, then $DURATION s of order checks and"
  echo "#           $DURATION s of no-op (after 10 s unprofiled), each profiled; embedded store, durable audit${JAVA_OPTS:+, $JAVA_OPTS}"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

start_service "$PORT" "$WORK/data" "$WORK/service.log"
setup_auth "$BASE" "$BODY"

# wrk_run <label> <path> <seconds>: prints wrk's summary line.
wrk_run() {
  BODY_FILE=$BODY TARGET_PATH=$2 RUN_ID="profile-$1-$(date +%s%N)" API_KEY=$API_KEY \
    wrk -t2 -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency -s "$BENCH_DIR/wrk-post.lua" "$BASE$2" \
    | grep WRK_SUMMARY
}

profiler() {
  "$JCMD" "$SERVICE_PID" JVMTI.agent_load "$PROFILER_LIB" "\"$1\"" >"$WORK/jcmd.txt" 2>&1 \
    || { cat "$WORK/jcmd.txt" >&2; return 1; }
  grep -q "return code: 0" "$WORK/jcmd.txt" || { cat "$WORK/jcmd.txt" >&2; return 1; }
}

# profiled <label> <path>: one wrk run with the profiler on; sets CPU_MS to the service's CPU per request.
profiled() {
  local label=$1 path=$2 cpu0 cpu1 summary requests
  profiler "start,event=cpu,interval=$INTERVAL,threads"
  cpu0=$(cpu_seconds "$SERVICE_PID")
  summary=$(wrk_run "$label" "$path" "$DURATION")
  cpu1=$(cpu_seconds "$SERVICE_PID")
  profiler "stop,file=$WORK/$label.collapsed,collapsed"
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$summary")
  CPU_MS=$(awk -v a="$cpu0" -v b="$cpu1" -v n="$requests" 'BEGIN { printf "%.4f", (b - a) * 1000 / n }')
  echo "$label: $summary" | tee -a "$OUT"
  echo "$label: service CPU $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.1f", b - a }') s, $CPU_MS ms per request" | tee -a "$OUT"
}

log "Warming up: $WARMUP s of order checks"
echo "warm-up: $(wrk_run warmup "$ORDER_PATH" "$WARMUP")" | tee -a "$OUT"
profiled order-check "$ORDER_PATH"
ORDER_CPU=$CPU_MS
wrk_run noop-warmup "$NOOP_PATH" 10 >/dev/null
profiled noop "$NOOP_PATH"
NOOP_CPU=$CPU_MS
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo | tee -a "$OUT"
python3 "$BENCH_DIR/profile_summary.py" "order-check=$WORK/order-check.collapsed:$ORDER_CPU" \
  "no-op=$WORK/noop.collapsed:$NOOP_CPU" | tee -a "$OUT"
echo
echo "(written to $OUT${KEEP_WORK:+; collapsed stacks in $WORK})"

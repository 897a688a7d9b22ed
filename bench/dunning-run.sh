#!/usr/bin/env bash
# Dunning run (issue 16): a run over CUSTOMERS x PER_CUSTOMER open invoices (100,000 by default), every one
# overdue or due within the pre-due window, each decided by the policy and recorded in the audit trail, on the
# embedded store. Progress printed every second while it runs. Target of the issue: >= 5,000 invoices/s.
#
#   bench/dunning-run.sh                            # build, load, run twice, write bench/results/dunning-run-<date>.txt
#   CUSTOMERS=100 PER_CUSTOMER=100 SERVICE_JAR=<jar> bench/dunning-run.sh
#   PROFILE=1 bench/dunning-run.sh                  # + a JFR recording of the run (bench/jfr_summary.py)
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"
CUSTOMERS=${CUSTOMERS:-1000}
PER_CUSTOMER=${PER_CUSTOMER:-100}
WORK=$(mktemp -d /tmp/encours-dunning.XXXXXX)
OUT=$ROOT/bench/results/dunning-run-$(date -u +%Y-%m-%d).txt
trap 'stop_service; rm -rf "$WORK"' EXIT
prepare_jar "$WORK"
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
{
  echo "# Encours dunning run, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# service: $SERVICE_COMMIT"
  echo "# $CUSTOMERS customers x $PER_CUSTOMER open invoices, embedded store, every evaluation in the audit trail"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
start_service "$PORT" "$WORK/data" "$WORK/service.log"
python3 "$BENCH_DIR/dunning_run.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD" "$CUSTOMERS" "$PER_CUSTOMER" load \
  | tee -a "$OUT"
CPU0=$(cpu_seconds "$SERVICE_PID")
if [ "${PROFILE:-0}" = "1" ]; then
  jcmd "$SERVICE_PID" JFR.start name=dunning settings="$BENCH_DIR/cpu-samples.jfc" filename="$WORK/dunning.jfr" >/dev/null
fi
python3 "$BENCH_DIR/dunning_run.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD" "$CUSTOMERS" "$PER_CUSTOMER" run \
  | tee -a "$OUT"
echo "service CPU during the two runs: $(awk -v a="$CPU0" -v b="$(cpu_seconds "$SERVICE_PID")" 'BEGIN{printf "%.1f s", b-a}')" | tee -a "$OUT"
if [ "${PROFILE:-0}" = "1" ]; then
  jcmd "$SERVICE_PID" JFR.stop name=dunning >/dev/null
  python3 "$BENCH_DIR/jfr_summary.py" "$WORK/dunning.jfr" 2>/dev/null | head -40 | tee -a "$OUT" || true
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "target >= 5,000 invoices evaluated per second" | tee -a "$OUT"

#!/usr/bin/env bash
# Receivables KPIs (issue 15). Two parts:
#  1. in one JVM with the service's default heap (no -Xmx, as the service runs), a generated book of
#     1,000,000 invoices over 10,000 customers and 3 years: the compact book's build and heap, the whole
#     book's KPIs at a past month end, the 36-month series and the aged balance by customer export (CSV and
#     XLSX), side by side with the naive computation (one pass over every invoice record per date);
#  2. with SAMPLE=1, the service itself on the embedded store: the sample data
#     (../shared/data/accounts-receivable/invoices.csv) imported through POST /api/v1/ledger/imports/invoices,
#     then the KPI endpoints and exports timed (bench/kpi.py).
#
#   bench/kpi.sh                        # part 1, writes bench/results/kpi-<date>.txt
#   INVOICES=200000 CUSTOMERS=2000 bench/kpi.sh
#   SAMPLE=1 bench/kpi.sh               # parts 1 and 2
#   INVOICES=0 SAMPLE=1 BUILD_FROM=head bench/kpi.sh   # part 2 alone, the service built from the last commit
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"
INVOICES=${INVOICES:-1000000}
CUSTOMERS=${CUSTOMERS:-10000}
OUT=$ROOT/bench/results/kpi$([ "$INVOICES" = "0" ] && echo -sample)-$(date -u +%Y-%m-%d).txt
WORK=$(mktemp -d /tmp/encours-kpi.XXXXXX)
trap 'stop_service; rm -rf "$WORK"' EXIT
{
  echo "# Encours receivables KPIs, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)"
  echo "# $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1)"
} | tee "$OUT"
if [ "$INVOICES" != "0" ]; then
  log "Compiling the service and its tests"
  ./mvnw -B -ntp -q ${MVN_FLAGS--o} -pl decision-service -am test-compile -Djacoco.skip=true >&2
  ./mvnw -B -ntp -q ${MVN_FLAGS--o} -pl decision-service dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >&2
  CP=decision-service/target/test-classes:decision-service/target/classes:$(cat "$WORK/cp.txt")
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -cp "$CP" io.encours.service.kpi.KpiBench "$INVOICES" "$CUSTOMERS" | tee -a "$OUT"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
fi
if [ "${SAMPLE:-0}" = "1" ]; then
  prepare_jar "$WORK"
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  start_service "$PORT" "$WORK/data" "$WORK/service.log"
  FEED=$(BENCH_KEY_ROLE=ERP_FEED python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
  READER=$(BENCH_KEY_ROLE=CREDIT_MANAGER python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
  python3 "$BENCH_DIR/kpi.py" "$BASE" "$FEED" "$READER" "$ROOT/../shared/data/accounts-receivable/invoices.csv" \
    | tee -a "$OUT"
fi

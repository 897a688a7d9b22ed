#!/usr/bin/env bash
# Today's exposure from the running totals (issue 14): one account with 10 open documents and one with 100,000
# (open invoices loaded through POST /api/v1/ledger/events), on the embedded store. Times today's
# GET /api/v1/accounts/{id}/exposure and the order check by reference for both, alternating, in the same run.
# Target of the issue: the answer time must not grow with the number of documents.
#
#   bench/ledger-exposure.sh                               # build, run, write bench/results/ledger-exposure-<date>.txt
#   SMALL_DOCS=10 LARGE_DOCS=100000 REQUESTS=300 SKIP_BUILD=1 bench/ledger-exposure.sh
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"
SMALL_DOCS=${SMALL_DOCS:-10}
LARGE_DOCS=${LARGE_DOCS:-100000}
REQUESTS=${REQUESTS:-300}
WORK=$(mktemp -d /tmp/encours-exposure.XXXXXX)
OUT=$ROOT/bench/results/ledger-exposure-$(date -u +%Y-%m-%d).txt
trap 'stop_service; rm -rf "$WORK"' EXIT
prepare_jar "$WORK"
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
{
  echo "# Encours exposure of today vs. number of open documents, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# service: $SERVICE_COMMIT"
  echo "# accounts with $SMALL_DOCS and $LARGE_DOCS open invoices, $REQUESTS requests each, one at a time, embedded store"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
start_service "$PORT" "$WORK/data" "$WORK/service.log"
FEED=$(BENCH_KEY_ROLE=ERP_FEED python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
READER=$(BENCH_KEY_ROLE=AUDITOR python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
ORDERS=$(python3 "$BENCH_DIR/api_key.py" "$BASE" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD")
# the two accounts, through the ledger's import (createAccounts=true): one paid invoice each
printf 'customer,invoice,issued,due,amount,paid\nC-EXPO-SMALL,INV-EXPO-S,2026-01-02,2026-02-01,10.00,2026-01-20\nC-EXPO-LARGE,INV-EXPO-L,2026-01-02,2026-02-01,10.00,2026-01-20\n' > "$WORK/accounts.csv"
curl -s -f -X POST "$BASE/api/v1/ledger/imports/invoices?customerId=customer&invoiceId=invoice&issuedOn=issued&dueOn=due&amount=amount&paidOn=paid&dateFormat=yyyy-MM-dd&currency=EUR&createAccounts=true" \
  -H "X-API-Key: $FEED" -H 'Content-Type: text/csv' --data-binary "@$WORK/accounts.csv" | head -c 300 | tee -a "$OUT"
echo | tee -a "$OUT"
python3 "$BENCH_DIR/ledger_exposure.py" "$BASE" "$FEED" "$READER" "$ORDERS" C-EXPO-SMALL C-EXPO-LARGE "$SMALL_DOCS" "$LARGE_DOCS" "$REQUESTS" | tee -a "$OUT"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "target: the large account's answer time does not grow with its documents (ratio ~1)" | tee -a "$OUT"

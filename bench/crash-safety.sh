#!/usr/bin/env bash
# Crash safety of the audit trail (issue 3): no decision answered 200 may be lost when the service is
# killed with SIGKILL in the middle of a load.
#
#   bench/crash-safety.sh                       # build, run, write bench/results/crash-safety-<date>.txt
#   BUILD_FROM=head bench/crash-safety.sh       # build the last commit only (uncommitted edits of others left out)
#   SKIP_BUILD=1 bench/crash-safety.sh          # reuse decision-service/target's jar
#   CONCURRENCY=16 LOAD_SECONDS=30 KILL_AFTER=15 bench/crash-safety.sh
#
# 1. starts the service on a new temporary data folder (127.0.0.1, a free port);
# 2. from a second process (bench/crash_client.py) sends order checks, each with its own Idempotency-Key,
#    on CONCURRENCY connections for at most LOAD_SECONDS, recording the decision id of every 200 answer;
# 3. KILL_AFTER seconds into the load, kill -KILL the service;
# 4. restarts it on the same data folder and reads every recorded decision id back with
#    GET /api/v1/decisions/{id} (same decision id and request id required);
# 5. prints answered 200 / found after restart / missing, and the requests that had no answer at the kill
#    (resent with their own key: "recorded" ones had been written before the kill, the others never were;
#    both are allowed, as no answer was given for them).
# Exits 1 if any decision answered 200 is missing after the restart, or if nothing was answered.
# With Spring Security in the service, an API key is created first (see service-lib.sh) and sent as X-API-Key.
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"

# FILLED=<a bench/volume.sh work folder kept with KEEP_WORK=1>: the run starts on a copy of its filled store
# (and its users), to show that what was answered survives a kill on a large trail too.
if [ -n "${FILLED:-}" ]; then
  # shellcheck disable=SC1091
  source "$FILLED/users.env"
fi
CONCURRENCY=${CONCURRENCY:-16}
LOAD_SECONDS=${LOAD_SECONDS:-30}
KILL_AFTER=${KILL_AFTER:-15}
BODY=$ROOT/decision-service/src/main/resources/openapi/examples/requests/orderCheck.json

WORK=$(mktemp -d /tmp/encours-crash.XXXXXX)
CLIENT_PID=""
cleanup() {
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null || true
  stop_service
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p bench/results
OUT=bench/results/crash-safety-$(date +%F)${RESULTS_SUFFIX:-}.txt
prepare_jar "$WORK"
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

{
  echo "# Encours crash safety of the audit trail (SIGKILL under load), $(date -Iseconds)"
  describe_machine
  echo "# load:     bench/crash_client.py, $CONCURRENCY connections, unique Idempotency-Key per order check,"
  echo "#           SIGKILL $KILL_AFTER s into the load (at most $LOAD_SECONDS s), embedded store (H2 MVStore) in $WORK/data"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

if [ -n "${FILLED:-}" ]; then
  log "Copying the filled store of $FILLED"
  cp -r "$FILLED/filled" "$WORK/data"
  echo "store:    a copy of $FILLED/filled ($(du -sh "$WORK/data" | cut -f1))" | tee -a "$OUT"
fi
log "Starting the service on $BASE (data in $WORK/data)"
t0=$SECONDS
start_service "$PORT" "$WORK/data" "$WORK/service-1.log"
echo "service started in $((SECONDS - t0)) s (pid $SERVICE_PID)" | tee -a "$OUT"
setup_auth "$BASE" "$BODY"
echo "security: $SECURITY${API_KEY:+ (API key created through the admin API, sent as X-API-Key)}" | tee -a "$OUT"

log "Loading for at most $LOAD_SECONDS s, SIGKILL after $KILL_AFTER s"
python3 "$BENCH_DIR/crash_client.py" load --base "$BASE" --body "$BODY" --out "$WORK" \
  --duration "$LOAD_SECONDS" --concurrency "$CONCURRENCY" --api-key "$API_KEY" >"$WORK/client.log" 2>&1 &
CLIENT_PID=$!
sleep "$KILL_AFTER"
before_kill=$(tail -1 "$WORK/client.log")
kill -KILL "$SERVICE_PID"
wait "$SERVICE_PID" 2>/dev/null || true
echo "killed the service with SIGKILL (pid $SERVICE_PID) at load progress: $before_kill" | tee -a "$OUT"
SERVICE_PID=""
# The client ends by itself: each thread stops at its first request without an answer.
for i in $(seq 1 60); do kill -0 "$CLIENT_PID" 2>/dev/null || break; sleep 0.5; done
wait "$CLIENT_PID" || { echo "load client failed:"; cat "$WORK/client.log"; exit 1; }
CLIENT_PID=""
grep '^LOAD' "$WORK/client.log" | tee -a "$OUT"

log "Restarting the service on the same data folder"
t0=$SECONDS
start_service "$PORT" "$WORK/data" "$WORK/service-2.log"
echo "service restarted in $((SECONDS - t0)) s on the same data folder" | tee -a "$OUT"

set +e
python3 "$BENCH_DIR/crash_client.py" verify --base "$BASE" --body "$BODY" --out "$WORK" --api-key "$API_KEY" \
  | tee -a "$OUT"
status=${PIPESTATUS[0]}
set -e

answered=$(grep -c . "$WORK/answered.txt" || true)
found=$(grep -o 'found_after_restart=[0-9]*' "$OUT" | tail -1 | cut -d= -f2)
missing=$(grep -o ' missing=[0-9]*' "$OUT" | tail -1 | cut -d= -f2)
no_answer=$(grep -c . "$WORK/in-flight.txt" || true)
{
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "answered 200 before the kill:        $answered"
  echo "found after restart:                 $found"
  echo "missing:                             $missing"
  echo "no answer at the kill (in flight):   $no_answer"
  if [ "$status" = 0 ]; then echo "RESULT: PASS (every decision answered 200 is in the audit trail after SIGKILL + restart)"
  else echo "RESULT: FAIL"; fi
} | tee -a "$OUT"
echo "(output saved in $OUT)"
exit "$status"

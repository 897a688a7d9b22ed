#!/usr/bin/env bash
# Simulation throughput (issue 5): a draft policy version re-evaluated over at least 200,000 recorded decisions
# on the embedded store, as the background simulation job does it.
#
#   bench/simulation-bench.sh                 # build, fill, simulate (about 10 minutes), write bench/results/simulation-<date>.txt
#   DECISIONS=50000 SIM_RUNS=1 bench/simulation-bench.sh   # a quicker look
#   PROFILE=1 bench/simulation-bench.sh      # + a JFR profile of the last simulation: samples per thread and top frames
#   KEEP_WORK=1 bench/simulation-bench.sh    # keeps the work folder (printed), filled decisions included
#   FILLED=/tmp/encours-sim.XXXXXX bench/simulation-bench.sh   # reuses that folder's decisions (a copy): no fill
#   SKIP_BUILD=1 / BUILD_FROM=head / SERVICE_JAR=<jar> / WAIT_IDLE=300 / JAVA_OPTS=...   as in load-test.sh
#
# 1. records DECISIONS (200,000) decisions on a new temporary data folder (embedded store, durable audit)
#    with bench/simulation/BulkDecisions.java: the service's own JVM and decision path (DecisionService.decide:
#    the active policy evaluates, the audit writer records durably in its hash chain, holds open) called from
#    BULK_THREADS (64) threads, without HTTP; the four types in turn with varied figures. (Through the API with
#    wrk this machine, shared with other builds, recorded 100-300 decisions a second: see bench/README.md.)
#    The helper is compiled against the service jar's own classes and libraries and exits when done;
# 2. starts the service on that data folder, 127.0.0.1, with a committee member bench-committee (bootstrap user);
# 3. creates a draft (copy of the active version) and changes one parameter (score.base 50 -> 40: every score
#    ten points lower, so risk classes and outcomes flip), through the policy API;
# 4. SIM_RUNS (2) times: POST /api/v1/simulations over the whole window, polls until DONE, and reads the
#    figures: decisions re-evaluated, the job's wall time (startedAt to finishedAt: compile of the draft,
#    count, read, evaluation), and the re-evaluation rate the job logs (from its first read to its end);
#    the first run is with a cold JIT and compiles the draft, the next ones reuse the compiled draft;
# 5. records the load average before, during (every 15 s) and after, and checks the target
#    (>= 20,000 decisions re-evaluated per second).
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"

DECISIONS=${DECISIONS:-200000}
SIM_RUNS=${SIM_RUNS:-2}
BULK_THREADS=${BULK_THREADS:-64}
COMMITTEE_USER=bench-committee
COMMITTEE_PASSWORD=bench-committee-$(date +%s)-$RANDOM
EXAMPLES=$ROOT/decision-service/src/main/resources/openapi/examples/requests
if [ -n "${FILLED:-}" ]; then
  # The window and the users' passwords of the run that recorded the decisions.
  # shellcheck disable=SC1091
  source "$FILLED/window.env"
fi

WORK=$(mktemp -d /tmp/encours-sim.XXXXXX)
LOAD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  stop_service
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p bench/results
OUT=bench/results/simulation-$(date +%F)${RESULTS_SUFFIX:-}.txt
prepare_jar "$WORK"
wait_for_idle
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
JAVA_OPTS="$JAVA_OPTS -Dencours.security.bootstrap.users.$COMMITTEE_USER.password=$COMMITTEE_PASSWORD -Dencours.security.bootstrap.users.$COMMITTEE_USER.roles=CREDIT_COMMITTEE"

{
  echo "# Encours simulation throughput, $(date -Iseconds)"
  describe_machine
  echo "# setup:    $DECISIONS decisions recorded in process (bench/simulation/BulkDecisions.java, $BULK_THREADS threads), then $SIM_RUNS simulation(s) of a draft over all of them;"
  echo "#           embedded store (H2 MVStore), durable audit, default JVM options${JAVA_OPTS:+ + $JAVA_OPTS}" | sed "s/$COMMITTEE_PASSWORD/***/"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

# Load average every 15 s while the script runs, into $WORK/load.txt.
( while :; do echo "$(date +%T) $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/load.txt"; sleep 15; done ) &
LOAD_PID=$!

if [ -n "${FILLED:-}" ]; then
  log "Reusing the decisions recorded in $FILLED (a copy in $WORK/data)"
  cp -r "$FILLED/data" "$WORK/data"
  grep '^recorded in process' "$FILLED/fill.txt" | sed 's/$/ (reused)/' | tee -a "$OUT"
else
  log "Recording $DECISIONS decisions in process ($BULK_THREADS threads; data in $WORK/data)"
  unzip -q "$SERVICE_JAR" -d "$WORK/jar"
  CLASSES="$WORK/jar/BOOT-INF/classes:$WORK/jar/BOOT-INF/lib/*"
  mkdir -p "$WORK/helper"
  "${JAVA%java}javac" -q -d "$WORK/helper" -cp "$CLASSES" "$BENCH_DIR/simulation/BulkDecisions.java" 2>/dev/null \
    || "${JAVA%java}javac" -d "$WORK/helper" -cp "$CLASSES" "$BENCH_DIR/simulation/BulkDecisions.java"
  window_from=$(date -u -d '-1 minute' +%FT%TZ)
  # shellcheck disable=SC2086
  ENCOURS_DATA_DIR=$WORK/data timeout "${BULK_TIMEOUT:-3600}" "$JAVA" $JAVA_OPTS \
    -Dencours.security.bootstrap.admin-password="$BENCH_ADMIN_PASSWORD" -Dlogging.level.io.encours=WARN \
    -cp "$WORK/helper:$CLASSES" io.encours.service.decision.BulkDecisions "$DECISIONS" "$BULK_THREADS" "$EXAMPLES" \
    >"$WORK/bulk.log" 2>&1 || { log "Bulk recording failed; last lines of $WORK/bulk.log:"; tail -30 "$WORK/bulk.log" >&2; exit 1; }
  window_to=$(date -u -d '+1 minute' +%FT%TZ)
  grep '^BULK' "$WORK/bulk.log" | tail -1 | sed 's/^BULK /recorded in process: /' | tee -a "$OUT"
fi
printf 'window_from=%s\nwindow_to=%s\nCOMMITTEE_PASSWORD=%s\nBENCH_ADMIN_PASSWORD=%s\n' \
  "$window_from" "$window_to" "$COMMITTEE_PASSWORD" "$BENCH_ADMIN_PASSWORD" >"$WORK/window.env"
grep '^recorded in process' "$OUT" >"$WORK/fill.txt" || true

log "Starting the service on $BASE (data in $WORK/data)"
start_service "$PORT" "$WORK/data" "$WORK/service.log"
committee=(-u "$COMMITTEE_USER:$COMMITTEE_PASSWORD")
recorded=$(curl -s -m 60 -u "$BENCH_ADMIN_USER:$BENCH_ADMIN_PASSWORD" "$BASE/actuator/health" >/dev/null; \
  curl -s -m 300 "${committee[@]}" "$BASE/api/v1/stats/decisions?days=1" \
  | python3 -c 'import json,sys; print(sum(json.load(sys.stdin)["today"]["byType"].values()))')
echo "decisions recorded today in the store (GET /api/v1/stats/decisions): $recorded" | tee -a "$OUT"

draft=$(curl -s -m 60 "${committee[@]}" -X POST "$BASE/api/v1/policies/drafts" -H 'Content-Type: application/json' \
  -d '{"comment":"simulation bench: score.base 40"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
curl -s -m 30 "${committee[@]}" "$BASE/api/v1/policies/$draft/files/parameters.csv" \
  | sed 's/^score.base,50,/score.base,40,/' >"$WORK/parameters.csv"
grep -q '^score.base,40,' "$WORK/parameters.csv" || { log "parameters.csv has no score.base,50 row"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -m 60 "${committee[@]}" -X PUT -H 'Content-Type: application/octet-stream' \
  --data-binary "@$WORK/parameters.csv" "$BASE/api/v1/policies/$draft/files/parameters.csv")
[ "$code" = 200 ] || { log "PUT parameters.csv answered $code"; exit 1; }
echo "draft: version $draft, copy of the active version with score.base 50 -> 40" | tee -a "$OUT"

for r in $(seq 1 "$SIM_RUNS"); do
  log "Simulation $r/$SIM_RUNS of version $draft over $window_from to $window_to"
  if [ "${PROFILE:-0}" = 1 ] && [ "$r" = "$SIM_RUNS" ]; then
    jcmd "$SERVICE_PID" JFR.start name=sim settings="$BENCH_DIR/cpu-samples.jfc" filename="$WORK/simulation.jfr" >/dev/null
  fi
  cpu0=$(cpu_seconds "$SERVICE_PID"); wall0=$(date +%s.%N)
  started=$(curl -s -m 60 "${committee[@]}" -X POST "$BASE/api/v1/simulations" -H 'Content-Type: application/json' \
    -d "{\"version\":$draft,\"from\":\"$window_from\",\"to\":\"$window_to\"}")
  id=$(echo "$started" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  deadline=$((SECONDS + ${SIM_TIMEOUT:-900}))
  while :; do
    curl -s -m 30 "${committee[@]}" "$BASE/api/v1/simulations/$id" >"$WORK/simulation-$r.json"
    status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$WORK/simulation-$r.json")
    [ "$status" = RUNNING ] || break
    [ $SECONDS -lt $deadline ] || { log "simulation $id still running after ${SIM_TIMEOUT:-900} s"; exit 1; }
    sleep 1
  done
  cpu1=$(cpu_seconds "$SERVICE_PID"); wall1=$(date +%s.%N)
  echo "service CPU during simulation $r: $(echo "$cpu0 $cpu1 $wall0 $wall1" | awk '{printf "%.1f s over %.1f s of wall time (%.2f cores busy)", $2 - $1, $4 - $3, ($2 - $1) / ($4 - $3)}')" >"$WORK/cpu-$r.txt"
  if [ "${PROFILE:-0}" = 1 ] && [ "$r" = "$SIM_RUNS" ]; then
    jcmd "$SERVICE_PID" JFR.stop name=sim >/dev/null
    python3 "$BENCH_DIR/simulation/jfr_threads.py" "$WORK/simulation.jfr" | tee -a "$OUT"
  fi
  logged=$(grep "simulation $id " "$WORK/service.log" | grep -o 're-evaluated in .*' || true)
  python3 - "$WORK/simulation-$r.json" "$r" "$logged" "$WORK/cpu-$r.txt" <<'PY' | tee -a "$OUT"
import json, sys, re
from datetime import datetime
s = json.load(open(sys.argv[1]))
run, logged = sys.argv[2], sys.argv[3]
t = lambda v: datetime.fromisoformat(v.replace("Z", "+00:00"))
wall = (t(s["finishedAt"]) - t(s["startedAt"])).total_seconds()
p = s["progress"]
r = s.get("result") or {}
rate = re.search(r"\((\d+) per second\)", logged)
print(f"\n=== simulation {run}: {s['id']} {s['status']} ===")
print(f"re-evaluated: {p['processed']:,} of {p['total']:,} decisions, not evaluated: {r.get('notEvaluated')}")
print(f"job wall time (compile, count, read, evaluate): {wall:.1f} s -> {p['processed'] / wall:,.0f} decisions/s")
print(f"re-evaluation phase (the job's log: {logged}): {int(rate.group(1)) if rate else 0:,} decisions/s")
print(f"before: {r.get('before')}")
print(f"after:  {r.get('after')}")
print("flips:  " + ", ".join(f"{f['type']} {f['from']}->{f['to']} {f['count']} ({f['exposure']} EUR)" for f in r.get("flips", [])[:8]))
print(f"flipped exposure: {r.get('flippedExposure')} EUR")
print("reasons appeared (top 5): " + ", ".join(f"{x['code']} {x['count']}" for x in r.get("reasonsAppeared", [])[:5]))
print("reasons disappeared (top 5): " + ", ".join(f"{x['code']} {x['count']}" for x in r.get("reasonsDisappeared", [])[:5]))
print(open(sys.argv[4]).read().strip())
print(f"RATE run={run} wall_rate={p['processed'] / wall:.0f} phase_rate={int(rate.group(1)) if rate else 0}")
PY
done

kill "$LOAD_PID" 2>/dev/null || true; LOAD_PID=""
{
  echo
  echo "# load average during (every 15 s; 1, 5, 15 min): $(tr '\n' ';' <"$WORK/load.txt")"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# service RSS at the end: $(awk '/VmRSS/ {print $2, $3}' /proc/"$SERVICE_PID"/status 2>/dev/null)"
} | tee -a "$OUT"
best=$(grep -o 'phase_rate=[0-9]*' "$OUT" | cut -d= -f2 | sort -n | tail -1)
echo "target >= 20,000 decisions re-evaluated per second: best run $best/s: $([ "${best:-0}" -ge 20000 ] && echo met || echo NOT met)" | tee -a "$OUT"

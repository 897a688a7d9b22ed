#!/usr/bin/env bash
# Service load test (issue 3): the order credit check with its durable audit record, beside the no-op JSON
# endpoint of the same application (the web stack's own limit), with wrk at fixed concurrency.
#
#   bench/load-test.sh                     # build, run (about 4 minutes), write bench/results/load-test-<date>.txt
#   BUILD_FROM=head bench/load-test.sh     # build the last commit only (uncommitted edits of others left out)
#   SKIP_BUILD=1 bench/load-test.sh        # reuse decision-service/target's jar
#   CONNECTIONS=32 DURATION=20 WARMUP_ORDER=45 WARMUP_CPU=240 WARMUP_MAX=400 WARMUP_NOOP=15 ROUNDS=2 bench/load-test.sh
#   PROFILE=1 bench/load-test.sh           # also a JFR CPU profile of the service during the order checks
#   WAIT_IDLE=300 bench/load-test.sh       # first wait up to 300 s for a 1-min load average < 1 (IDLE_LOAD)
#
# 1. starts the service on a new temporary data folder (embedded store, durable audit), 127.0.0.1;
# 2. warms it up with wrk: order checks until the service has used WARMUP_CPU s of CPU since start-up
#    (after 90 s of CPU the order check still got 40-60 % faster between rounds; 240 s is steady; start-up
#    itself takes ~20), then WARMUP_NOOP s
#    of no-op;
# 3. ROUNDS times: DURATION s of order checks, then DURATION s of no-op, wrk -t2 -c$CONNECTIONS --latency;
#    each order check has its own Idempotency-Key (bench/wrk-post.lua), so each is a real decision with its
#    own durable audit record; the same example body is sent to the no-op endpoint;
# 4. prints throughput, p50/p99, the ratio order check / no-op, the audit writer's figures (Prometheus),
#    CPU used by the service and by wrk, and the in-process evaluation throughput from the latest
#    bench/results/rules-jmh-*.txt (JMH, bench/run-rules-jmh.sh), and checks the targets
#    (ratio >= 0.5, order check p99 <= 20 ms).
# wrk runs on the same 2 cores as the service: its CPU is taken from the service's.
# With Spring Security in the service, an API key is created first (see service-lib.sh) and sent as X-API-Key.
set -euo pipefail
source "$(dirname "$0")/service-lib.sh"
cd "$ROOT"

CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20}
WARMUP_ORDER=${WARMUP_ORDER:-45}
WARMUP_NOOP=${WARMUP_NOOP:-15}
WARMUP_CPU=${WARMUP_CPU:-240}
WARMUP_MAX=${WARMUP_MAX:-400}
ROUNDS=${ROUNDS:-2}
PROFILE=${PROFILE:-0}
BODY=$ROOT/decision-service/src/main/resources/openapi/examples/requests/orderCheck.json
ORDER_PATH=/api/v1/decisions/order-check
NOOP_PATH=/api/v1/noop

WORK=$(mktemp -d /tmp/encours-load.XXXXXX)
cleanup() {
  stop_service
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

ensure_wrk
mkdir -p bench/results
OUT=bench/results/load-test-$(date +%F)${RESULTS_SUFFIX:-}.txt
prepare_jar "$WORK"
wait_for_idle
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

{
  echo "# Encours service load test (wrk), $(date -Iseconds)"
  describe_machine
  echo "# setup:    wrk -t$THREADS -c$CONNECTIONS --latency, $DURATION s per run, $ROUNDS round(s); warm-up: order checks until $WARMUP_CPU s of service CPU ($WARMUP_ORDER-$WARMUP_MAX s), $WARMUP_NOOP s no-op;"
  echo "#           service and wrk on the same machine (127.0.0.1), embedded store (H2 MVStore), durable audit, default JVM options${JAVA_OPTS:+ + $JAVA_OPTS}"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

log "Starting the service on $BASE (data in $WORK/data)"
t0=$SECONDS
start_service "$PORT" "$WORK/data" "$WORK/service.log"
echo "service started in $((SECONDS - t0)) s" | tee -a "$OUT"
setup_auth "$BASE" "$BODY"
echo "security: $SECURITY${API_KEY:+ (API key created through the admin API, sent as X-API-Key)}" | tee -a "$OUT"
auth_header=()
[ -n "$API_KEY" ] && auth_header=(-H "X-API-Key: $API_KEY")
sample=$(curl -s -m 10 -X POST "$BASE$ORDER_PATH" -H 'Content-Type: application/json' "${auth_header[@]}" \
  -H "Idempotency-Key: bench-sample-$(date +%s%N)" --data-binary "@$BODY")
echo "example order check: $(echo "$sample" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["outcome"], "reasons", [r["code"] for r in d.get("reasons", [])], "policy", d.get("policy", {}).get("version"))' 2>/dev/null || echo "$sample" | cut -c1-200)" | tee -a "$OUT"

# run_wrk <label> <path> <seconds>: one wrk run; its full output goes to $WORK/<label>.txt and $OUT.
run_wrk() {
  local label=$1 path=$2 secs=$3 cpu0 cpu1 wrk_cpu all0 all1 sys0 sys1 cs0 cs1 slow0 slow1
  cpu0=$(cpu_seconds "$SERVICE_PID"); all0=$(machine_cpu_seconds)
  sys0=$(sys_seconds "$SERVICE_PID"); cs0=$(context_switches "$SERVICE_PID")
  slow0=$(grep -c 'slow audit group commit' "$WORK/service.log" || true)
  BODY_FILE=$BODY TARGET_PATH=$path RUN_ID="wrk-$label-$(date +%s%N)" API_KEY=$API_KEY \
    /usr/bin/time -f 'WRK_CPU %U %S' -o "$WORK/$label.time" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s --latency -s "$BENCH_DIR/wrk-post.lua" \
    "$BASE$path" >"$WORK/$label.txt" 2>&1
  cpu1=$(cpu_seconds "$SERVICE_PID"); all1=$(machine_cpu_seconds)
  sys1=$(sys_seconds "$SERVICE_PID"); cs1=$(context_switches "$SERVICE_PID")
  slow1=$(grep -c 'slow audit group commit' "$WORK/service.log" || true)
  wrk_cpu=$(awk '/WRK_CPU/ {printf "%.2f", $2 + $3}' "$WORK/$label.time")
  echo "SERVICE_CPU label=$label service_cpu_s=$(echo "$cpu1 $cpu0" | awk '{printf "%.1f", $1 - $2}') wrk_cpu_s=$wrk_cpu machine_cpu_s=$(echo "$all1 $all0" | awk '{printf "%.1f", $1 - $2}') wall_s=$secs service_sys_s=$(echo "$sys1 $sys0" | awk '{printf "%.1f", $1 - $2}') context_switches=$((cs1 - cs0)) slow_commits=$((slow1 - slow0))" >>"$WORK/$label.txt"
  { echo; echo "=== $label: POST $path, $secs s ==="; cat "$WORK/$label.txt"; } >>"$OUT"
  grep -E 'Requests/sec|WRK_SUMMARY' "$WORK/$label.txt" | head -1 | sed "s/^/  $label: /" >&2
}

# Prometheus needs ADMIN or AUDITOR once the service has Spring Security: the bootstrap administrator reads it.
metrics() {
  local auth=()
  [ "$SECURITY" = on ] && auth=(-u "$BENCH_ADMIN_USER:$BENCH_ADMIN_PASSWORD")
  curl -s -m 10 "${auth[@]}" "$BASE/actuator/prometheus" >"$1" 2>/dev/null || true
}

# The JIT needs CPU time, not wall time: on a machine shared with other sessions 45 s of wall clock may give
# the service half of that. Order checks go on in 15 s runs until the service has used WARMUP_CPU seconds of
# CPU since start-up (JIT included), WARMUP_ORDER s at least, WARMUP_MAX s at most.
log "Warm-up: order checks until the service has used $WARMUP_CPU s of CPU (${WARMUP_ORDER}-${WARMUP_MAX} s), then $WARMUP_NOOP s of no-op"
warm_start=$SECONDS
run_wrk warmup-order-check-1 "$ORDER_PATH" "$WARMUP_ORDER"
n=1
while awk -v c="$(cpu_seconds "$SERVICE_PID")" -v t="$WARMUP_CPU" 'BEGIN { exit !(c < t) }' \
      && [ $((SECONDS - warm_start)) -lt "$WARMUP_MAX" ]; do
  n=$((n + 1)); run_wrk "warmup-order-check-$n" "$ORDER_PATH" 15
done
echo "warm-up: $((SECONDS - warm_start)) s of order checks, service CPU since start-up $(cpu_seconds "$SERVICE_PID") s" | tee -a "$OUT"
run_wrk warmup-noop "$NOOP_PATH" "$WARMUP_NOOP"

for r in $(seq 1 "$ROUNDS"); do
  log "Round $r/$ROUNDS: $DURATION s of order checks, then $DURATION s of no-op"
  metrics "$WORK/metrics-before-$r.txt"
  if [ "$PROFILE" = 1 ] && [ "$r" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.start name=bench settings="$BENCH_DIR/cpu-samples.jfc" duration="${DURATION}s" filename="$WORK/order-check.jfr" >/dev/null
  fi
  run_wrk "order-check-$r" "$ORDER_PATH" "$DURATION"
  metrics "$WORK/metrics-after-$r.txt"
  run_wrk "noop-$r" "$NOOP_PATH" "$DURATION"
done

echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"

# Summary: wrk figures, audit writer figures from Prometheus, in-process figures from JMH, targets.
python3 - "$WORK" "$ROUNDS" "$DURATION" "$ROOT" <<'EOF' | tee -a "$OUT"
import glob, os, re, sys
work, rounds, duration, root = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]

def wrk(label):
    text = open(f"{work}/{label}.txt").read()
    s = dict(kv.split("=") for kv in re.search(r"WRK_SUMMARY (.*)", text).group(1).split())
    c = dict(kv.split("=") for kv in re.search(r"SERVICE_CPU (.*)", text).group(1).split())
    return {k: float(v) for k, v in s.items()} | {k: (float(v) if k != "label" else v) for k, v in c.items()}

def prom(path):
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        m = re.match(r'^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+([-+\d.eE]+|NaN)$', line.strip())
        if m:
            out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out

def total(metrics, name, **labels):
    return sum(v for k, v in metrics.items()
               if k.split("{")[0] == name and all(f'{lk}="{lv}"' in k for lk, lv in labels.items()))

print()
print("=== Summary ===")
print(f"{'run':<16}{'requests/s':>12}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}"
      f"{'service CPU':>13}{'wrk CPU':>9}{'other CPU':>11}")
rows = {}
for r in range(1, rounds + 1):
    for label in (f"order-check-{r}", f"noop-{r}"):
        w = rows[label] = wrk(label)
        errors = int(w["non2xx"] + w["connect_err"] + w["read_err"] + w["write_err"] + w["timeouts"])
        print(f"{label:<16}{w['rps']:>12.0f}{w['p50_us']/1000:>9.2f}{w['p90_us']/1000:>9.2f}{w['p99_us']/1000:>9.2f}"
              f"{w['max_us']/1000:>9.1f}{errors:>8}{w['service_cpu_s']/w['wall_s']:>10.2f} cores{w['wrk_cpu_s']/w['wall_s']:>6.2f} c"
              f"{(w['machine_cpu_s'] - w['service_cpu_s'] - w['wrk_cpu_s'])/w['wall_s']:>8.2f} c")

order = [rows[f"order-check-{r}"] for r in range(1, rounds + 1)]
noop = [rows[f"noop-{r}"] for r in range(1, rounds + 1)]
order_rps = sum(w["requests"] for w in order) / sum(w["duration_us"] for w in order) * 1e6
noop_rps = sum(w["requests"] for w in noop) / sum(w["duration_us"] for w in noop) * 1e6
order_p50 = max(w["p50_us"] for w in order) / 1000
order_p99 = max(w["p99_us"] for w in order) / 1000
noop_p99 = max(w["p99_us"] for w in noop) / 1000
ratio = order_rps / noop_rps
order_errors = sum(w["non2xx"] + w["connect_err"] + w["read_err"] + w["write_err"] + w["timeouts"] for w in order)
print("(CPU in cores over the run: 2 cores on this machine; 'other' is every other process, e.g. another session's build)")
print()
print(f"order check (durable audit): {order_rps:,.0f} decisions/s, p50 {order_p50:.2f} ms, p99 {order_p99:.2f} ms "
      f"(worst round), {int(order_errors)} errors")
print(f"no-op JSON endpoint:         {noop_rps:,.0f} requests/s, p99 {noop_p99:.2f} ms")
print(f"ratio order check / no-op:   {ratio:.2f}")
cpu_order = sum(w["service_cpu_s"] for w in order) / sum(w["requests"] for w in order) * 1000
cpu_noop = sum(w["service_cpu_s"] for w in noop) / sum(w["requests"] for w in noop) * 1000
print(f"service CPU per request:     order check {cpu_order:.2f} ms, no-op {cpu_noop:.2f} ms "
      f"(ratio from CPU, independent of what other processes leave: {cpu_noop / cpu_order:.2f})")
def kernel(runs):
    cpu = sum(w["service_cpu_s"] for w in runs)
    share = sum(w.get("service_sys_s", 0) for w in runs) / cpu if cpu else 0
    switches = sum(w.get("context_switches", 0) for w in runs) / sum(w["requests"] for w in runs)
    return f"{share:.0%} of it in the kernel, {switches:.1f} context switches per request"
print(f"                             order check: {kernel(order)}; no-op: {kernel(noop)}")
print("group commits over 100 ms (the service logs them: 'slow audit group commit', 'slow embedded store commit'): "
      + ", ".join(f"{w['label']} {int(w.get('slow_commits', 0))}" for w in order))

# Audit writer during round 1 (Prometheus deltas): decisions recorded, group-commit batch size, writer busy share.
b, a = prom(f"{work}/metrics-before-1.txt"), prom(f"{work}/metrics-after-1.txt")
if a:
    recorded = total(a, "encours_decisions_total", type="ORDER_CHECK") - total(b, "encours_decisions_total", type="ORDER_CHECK")
    batches = total(a, "encours_audit_batch_size_count") - total(b, "encours_audit_batch_size_count")
    records = total(a, "encours_audit_batch_size_sum") - total(b, "encours_audit_batch_size_sum")
    busy = total(a, "encours_audit_batch_write_seconds_sum") - total(b, "encours_audit_batch_write_seconds_sum")
    wait = total(a, "encours_audit_write_seconds_sum") - total(b, "encours_audit_write_seconds_sum")
    waits = total(a, "encours_audit_write_seconds_count") - total(b, "encours_audit_write_seconds_count")
    lat = total(a, "encours_decision_latency_seconds_sum", type="ORDER_CHECK") - total(b, "encours_decision_latency_seconds_sum", type="ORDER_CHECK")
    print(f"audit trail, round 1:        {recorded:,.0f} order-check decisions counted by the service"
          f" (wrk: {order[0]['requests']:,.0f} requests)")
    if batches:
        print(f"                             {batches:,.0f} group commits (insertMany + commit + fsync), "
              f"{records / batches:.1f} records each on average, {busy / batches * 1000:.2f} ms each; "
              f"the single audit-writer thread busy {busy / duration:.0%} of the time")
        inserts = total(a, "encours_audit_batch_insert_seconds_sum") - total(b, "encours_audit_batch_insert_seconds_sum")
        syncs = total(a, "encours_audit_batch_durable_seconds_sum") - total(b, "encours_audit_batch_durable_seconds_sum")
        if inserts or syncs:
            print(f"                             of which inserting {inserts / batches * 1000:.2f} ms, "
                  f"making durable {syncs / batches * 1000:.2f} ms per group commit")
    if waits:
        print(f"                             a request waits {wait / waits * 1000:.2f} ms on average for its record "
              f"to be durable, of {lat / max(recorded, 1) * 1000:.2f} ms in the service per decision")
    # Percentiles inside the service (from the first filter to the decision), from its latency histogram:
    # beside wrk's, they tell the time spent in the service from the time spent before it or in wrk itself.
    def quantiles(name, **labels):
        buckets = {}
        for k, v in a.items():
            m = re.match(re.escape(name) + r'_bucket\{(.*)\}$', k)
            if m and all(f'{lk}="{lv}"' in k for lk, lv in labels.items()):
                le = re.search(r'le="([^"]+)"', m.group(1)).group(1)
                bound = float("inf") if le == "+Inf" else float(le)
                buckets[bound] = buckets.get(bound, 0) + v - b.get(k, 0)
        ordered = sorted(buckets.items())
        if not ordered or not ordered[-1][1]:
            return None
        count = ordered[-1][1]
        return [next(f"{bound * 1000:.0f}" if bound != float("inf") else "inf" for bound, c in ordered if c >= q * count)
                for q in (0.5, 0.99, 0.999)]
    q = quantiles("encours_decision_latency_seconds", type="ORDER_CHECK")
    if q:
        print(f"                             inside the service (histogram bucket bounds): p50 <= {q[0]} ms, "
              f"p99 <= {q[1]} ms, p99.9 <= {q[2]} ms")

# In-process evaluation (JMH, bench/run-rules-jmh.sh), same machine: the latest Java 17 results file.
files = sorted(f for f in glob.glob(f"{root}/bench/results/rules-jmh-*.txt") if "-java" not in os.path.basename(f))
if files:
    text = open(files[-1]).read()
    print(f"in-process evaluation (JMH, {os.path.relpath(files[-1], root)}):")
    for m in re.finditer(r"^DecisionThroughput\.(\w+)\.(orderCheck\w*)\s+thrpt\s+\d+\s+([\d.]+)\s+±\s+([\d.]+)", text, re.M):
        print(f"                             {m.group(1)} {m.group(2)}: {float(m.group(3)):,.0f} ± {float(m.group(4)):,.0f} evaluations/s")
else:
    print("in-process evaluation: no bench/results/rules-jmh-*.txt (run bench/run-rules-jmh.sh)")

print()
print(f"target ratio >= 0.5:          {'MET' if ratio >= 0.5 else 'NOT MET'} ({ratio:.2f})")
print(f"target p99 <= 20 ms:          {'MET' if order_p99 <= 20 else 'NOT MET'} ({order_p99:.2f} ms)")
EOF

if [ "$PROFILE" = 1 ] && [ -f "$WORK/order-check.jfr" ]; then
  python3 "$BENCH_DIR/jfr_summary.py" "$WORK/order-check.jfr" | tee -a "$OUT"
fi
echo "(full wrk output in $OUT)"

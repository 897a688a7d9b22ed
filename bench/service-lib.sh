# Shared by bench/load-test.sh and bench/crash-safety.sh (sourced, not run): build and copy the service
# jar, start and stop the service on a data folder of our own, and, when the service has Spring Security,
# obtain an API key so that every decision request can carry X-API-Key.
#
# Every process started here is remembered by its pid and stopped by that pid only; every wait is bounded.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA_OPTS=${JAVA_OPTS:-}
# A fixed admin password for this throw-away instance only (temp data folder, loopback): used when the
# service has Spring Security (encours.security.bootstrap.admin-password), ignored by a service without it.
BENCH_ADMIN_USER=${BENCH_ADMIN_USER:-admin}
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-admin-$(date +%s)-$RANDOM}
API_KEY=""
SECURITY="off"
SERVICE_PID=""

log() { echo ">> $*" >&2; }

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Puts the service jar into $1/service.jar (a copy, so that a rebuild by someone else during the run cannot
# change the jar under a running JVM) and sets SERVICE_JAR, SERVICE_COMMIT:
# - BUILD_FROM=head: builds the last commit (git archive HEAD into $1/src), leaving out uncommitted edits of
#   the working tree (other sessions may be editing it);
# - SERVICE_JAR=<jar>: uses that jar;
# - otherwise builds the working tree (unless SKIP_BUILD=1 and the jar exists).
prepare_jar() {
  local dest=$1 jar
  SERVICE_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ "${BUILD_FROM:-worktree}" = head ]; then
    log "Building commit $SERVICE_COMMIT (git archive HEAD, uncommitted edits left out) in $dest/src"
    mkdir -p "$dest/src"
    git -C "$ROOT" archive HEAD | tar -x -C "$dest/src"
    (cd "$dest/src" && ./mvnw -q ${MVN_FLAGS--o} -pl decision-service -am package -DskipTests) >&2
    jar=$dest/src/decision-service/target/encours-decision-service-0.1.0-SNAPSHOT.jar
    SERVICE_COMMIT="$SERVICE_COMMIT (built from the commit alone)"
  elif [ -n "${SERVICE_JAR:-}" ]; then
    jar=$SERVICE_JAR
    SERVICE_COMMIT="unknown (jar given: $jar)"
  else
    jar=$ROOT/decision-service/target/encours-decision-service-0.1.0-SNAPSHOT.jar
    if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$jar" ]; then
      log "Building the service (./mvnw -q ${MVN_FLAGS--o} -pl decision-service -am package -DskipTests)"
      (cd "$ROOT" && ./mvnw -q ${MVN_FLAGS--o} -pl decision-service -am package -DskipTests) >&2
    fi
    git -C "$ROOT" diff --quiet HEAD -- decision-service rules 2>/dev/null \
      || SERVICE_COMMIT="$SERVICE_COMMIT + uncommitted changes in decision-service/ or rules/"
  fi
  cp "$jar" "$dest/service.jar"
  SERVICE_JAR=$dest/service.jar
}

# start_service <port> <data dir> <log file>: starts java in the background and waits (at most
# START_TIMEOUT seconds, 150 by default) until /actuator/health answers UP.
start_service() {
  local port=$1 data=$2 logfile=$3
  # shellcheck disable=SC2086
  PORT=$port ENCOURS_DATA_DIR=$data "$JAVA" $JAVA_OPTS \
    -Dencours.security.bootstrap.admin-password="$BENCH_ADMIN_PASSWORD" \
    -jar "$SERVICE_JAR" >"$logfile" 2>&1 &
  SERVICE_PID=$!
  local deadline=$((SECONDS + ${START_TIMEOUT:-150}))
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      log "The service exited during start-up; last lines of $logfile:"; tail -20 "$logfile" >&2
      SERVICE_PID=""; return 1
    fi
    if curl -s -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    sleep 0.5
  done
  log "The service did not become healthy within ${START_TIMEOUT:-150} s"; return 1
}

# SIGTERM (graceful shutdown), then SIGKILL if it is still there after 30 s. Our own pid only.
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  kill -TERM "$SERVICE_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

# Process CPU time (user + system) of a pid in seconds, from /proc.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat"
}

# Kernel CPU time (system) of a pid in seconds, from /proc.
sys_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", $13 / tck }' "/proc/$1/stat"
}

# Context switches (voluntary and not) of a pid's live threads so far.
context_switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'
}

# CPU time (seconds) used by the whole machine so far, all cores, idle and iowait excluded.
machine_cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / tck }' /proc/stat
}

# Waits (at most WAIT_IDLE seconds, 0 = not at all) until the 1-minute load average is below IDLE_LOAD
# (1.0 by default): on 2 cores a build or test run of another session halves the figures.
wait_for_idle() {
  local deadline=$((SECONDS + ${WAIT_IDLE:-0})) load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" -v t="${IDLE_LOAD:-1.0}" 'BEGIN { exit !(l < t) }' && return 0
    [ $SECONDS -lt $deadline ] || { log "load average still $load: running anyway"; return 0; }
    log "load average $load, waiting for < ${IDLE_LOAD:-1.0} (at most $((deadline - SECONDS)) s more)"
    sleep 10
  done
}

ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing: apt-get install -y wrk"
    if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >&2 || { apt-get update >&2 && apt-get install -y wrk >&2; }
    else sudo apt-get install -y wrk >&2; fi
  fi
}

# Decides whether decision endpoints need an API key (Spring Security present) and, if so, creates one
# through the admin API with the bootstrap admin password. Sets SECURITY (off/on) and API_KEY.
# The admin calls are in bench/api_key.py so that the exact API lives in one place.
setup_auth() {
  local base=$1 body=$2 code
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST "$base/api/v1/decisions/order-check" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: bench-probe-$(date +%s%N)" --data-binary "@$body")
  case "$code" in
    200) SECURITY="off"; API_KEY=""; log "Decision endpoints answer without an API key (no Spring Security)";;
    401|403)
      SECURITY="on"
      log "Decision endpoints answer $code without a key: creating an API key through the admin API"
      API_KEY=$(python3 "$BENCH_DIR/api_key.py" "$base" "$BENCH_ADMIN_USER" "$BENCH_ADMIN_PASSWORD") || {
        log "Could not create an API key (see above)"; return 1; }
      code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST "$base/api/v1/decisions/order-check" \
        -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" \
        -H "Idempotency-Key: bench-probe-$(date +%s%N)" --data-binary "@$body")
      [ "$code" = 200 ] || { log "Order check with the new API key answered $code"; return 1; };;
    *) log "Unexpected answer $code from the order check probe"; return 1;;
  esac
}

describe_machine() {
  echo "# service:  commit ${SERVICE_COMMIT:-?}"
  echo "# machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr)"
  echo "# java:     $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "# wrk:      $(wrk -v 2>&1 | head -1 | cut -c1-60)"
}

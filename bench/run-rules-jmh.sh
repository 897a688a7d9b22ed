#!/usr/bin/env bash
# In-process JMH benchmark of the rules module (issue 2): throughput of the four decisions on the
# default policy on one and two threads, and the time to compile the default bundle.
#
#   bench/run-rules-jmh.sh                 # everything, about 6 minutes on 2 cores
#   bench/run-rules-jmh.sh OneThread.order # only the benchmarks matching a regex (any JMH options work)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run-rules-jmh.sh
#   MVN_FLAGS=-o bench/run-rules-jmh.sh    # offline, when ~/.m2 already holds everything
#
# Writes the JMH output to bench/results/rules-jmh-<date>.txt (rules-jmh-<date>-java<N>.txt on a JVM
# other than 17) and prints a summary. Run it on an otherwise idle machine: the load average before and
# after is recorded in the results file because anything else running skews the figures.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MVN_FLAGS=${MVN_FLAGS:-}

java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
suffix=""
[ "$java_major" != "17" ] && suffix="-java$java_major"
mkdir -p bench/results
out="bench/results/rules-jmh-$(date +%F)$suffix.txt"
csv="bench/rules-jmh/target/rules-jmh-results.csv"

echo ">> Installing the rules module (and the parent pom it inherits from) into the local Maven repository"
./mvnw -q $MVN_FLAGS install -pl rules -am -DskipTests

echo ">> Building the benchmarks jar"
./mvnw -q $MVN_FLAGS -f bench/rules-jmh/pom.xml package

jar=bench/rules-jmh/target/rules-benchmarks.jar
{
  echo "# Encours rules engine benchmark (JMH), $(date -Iseconds)"
  echo "# commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet -- rules 2>/dev/null || echo ' (rules/ has uncommitted changes)')"
  echo "# machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "# java:     $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "#"
  echo "# What each input decides (default policy credit-policy-fr, base case of scenarios.csv):"
  "$JAVA" -cp "$jar" io.encours.bench.ShowInputs 2>/dev/null | sed 's/^/#   /'
  echo
} > "$out"

echo ">> Running JMH (output also in $out)"
# Sample the 1-minute load average during the run: on 2 cores anything else running shows up in it.
loadlog=$(mktemp)
( while sleep 15; do cut -d' ' -f1 /proc/loadavg; done ) > "$loadlog" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true; rm -f "$loadlog"' EXIT
"$JAVA" -jar "$jar" -foe true -rf csv -rff "$csv" "$@" 2>&1 | tee -a "$out"
kill "$sampler" 2>/dev/null || true
{
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# 1-min load average sampled every 15 s during the run (this run itself adds about 1 with one"
  echo "# benchmark thread, 2 with two): $(sort -n "$loadlog" | awk '{a[NR]=$1} END {if (NR) printf "min %s, median %s, max %s over %d samples", a[1], a[int((NR+1)/2)], a[NR], NR}')"
} >> "$out"

echo
echo "== Summary ($out)"
# CSV columns: Benchmark, Mode, Threads, Samples, Score, Score Error (99.9%), Unit
awk -F',' 'NR > 1 {
  gsub(/"/, "");
  name = $1; sub(/^io\.encours\.bench\./, "", name);
  err = ($6 == "NaN" || $6 == "") ? "" : sprintf("+- %.0f", $6);
  printf "  %-52s threads %s  %12.1f %-8s %s %s\n", name, $3, $5, err, $7, ($2 == "ss" ? "(" $4 " samples)" : "");
}' "$csv"
tail -3 "$out"

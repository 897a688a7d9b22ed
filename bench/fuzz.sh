#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (JUnit @FuzzTest) of the policy compiler, the four decision endpoints
# and the policy upload endpoint, one target after the other.
#
#   bench/fuzz.sh [DURATION] [TARGET...]      DURATION per target, e.g. 90s, 5m, 1h (default 2m)
#   targets: compiler decisions upload (default: all three)
#
# Each target runs its @FuzzTest with JAZZER_FUZZ=1: libFuzzer mutates the saved inputs
# (src/test/resources/**/<Class>Inputs/<method>/) guided by coverage of io.encours classes. Its working
# corpus grows in <module>/.cifuzz-corpus/ (git-ignored). An input that fails the test (an exception out of
# the compiler, a 500 or a non-problem error from the service) is written next to the saved inputs as
# crash-<sha1>: commit it, and the normal build replays it as a regression test from then on.
# Results (log, runs, rate, coverage, crashes) go to bench/results/fuzz-<UTC time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-2m}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(compiler decisions upload)
OUT=bench/results/fuzz-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

./mvnw -B -ntp -q install -DskipTests -Djacoco.skip=true -pl rules,policy-editor -am

summary="$OUT/summary.md"
{
  echo "# Fuzzing run $(date -u +%Y-%m-%dT%H:%M:%SZ), $DURATION per target"
  echo
  echo "Commit $(git rev-parse --short HEAD), $(nproc) cores, Java $(java -version 2>&1 | head -1)"
  echo
  echo "| target | result | runs | exec/s | coverage (edges) | corpus | new crash inputs |"
  echo "|---|---|---|---|---|---|---|"
} > "$summary"

for target in "${TARGETS[@]}"; do
  case "$target" in
    compiler)  module=rules;            class=PolicyCompilerFuzzTest; inputs=rules/src/test/resources/io/encours/rules/policy/PolicyCompilerFuzzTestInputs ;;
    decisions) module=decision-service; class=DecisionBodyFuzzTest;   inputs=decision-service/src/test/resources/io/encours/service/fuzz/DecisionBodyFuzzTestInputs ;;
    upload)    module=decision-service; class=PolicyUploadFuzzTest;   inputs=decision-service/src/test/resources/io/encours/service/fuzz/PolicyUploadFuzzTestInputs ;;
    *) echo "unknown target $target (compiler, decisions, upload)" >&2; exit 2 ;;
  esac
  before=$(find "$inputs" -type f | sort)
  log="$OUT/$target.log"
  echo "fuzzing $target ($class) for $DURATION, log in $log"
  result=passed
  JAZZER_FUZZ=1 JAZZER_SSRF_PERMISSIVE_UNTIL_CONFIGURED=1 JAZZER_MAX_DURATION="$DURATION" ./mvnw -B -ntp -o -pl "$module" test -Dtest="$class" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true > "$log" 2>&1 || result=FAILED
  after=$(find "$inputs" -type f | sort)
  crashes=$(comm -13 <(echo "$before") <(echo "$after") | xargs -r -n1 basename | tr '\n' ' ')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1 || true)
  [ -z "$runs" ] && runs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#')
  rate=$(echo "$last" | grep -oE 'exec/s: [0-9]+' | grep -oE '[0-9]+' || true)
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  corp=$(echo "$last" | grep -oE 'corp: [0-9]+/[0-9a-zA-Z]+' | cut -d' ' -f2 || true)
  echo "| $target | $result | ${runs:-?} | ${rate:-?} | ${cov:-?} | ${corp:-?} | ${crashes:-none} |" >> "$summary"
done
cat "$summary"

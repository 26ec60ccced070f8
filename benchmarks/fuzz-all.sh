#!/usr/bin/env bash
# Fuzzes every Jazzer @FuzzTest in the repository, one target at a time.
#
#   benchmarks/fuzz-all.sh [duration per target] [filter]
#
#   duration  Jazzer duration such as 30s, 5m or 2h (default 5m)
#   filter    only targets whose "module Class#method" matches this extended regex
#
# Examples:
#   benchmarks/fuzz-all.sh 2h                       # every target for two hours each
#   benchmarks/fuzz-all.sh 10m 'ProofFormats'       # only the PoR formats
#   benchmarks/fuzz-all.sh --list                   # print the targets
#
# New coverage goes to <module>/.cifuzz-corpus/<Class>/<method>/ (git-ignored); a crashing input is
# written to <module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>, where the
# next `./mvnw verify` replays it. Each target's log is kept in target/fuzz-logs/. The script keeps
# going after a finding and exits non-zero if any target found one. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-5m}"
filter="${2:-.}"

targets() {
  grep -rl --include='*FuzzTest.java' '@FuzzTest' -- */src/test/java | sort | while read -r file; do
    module="${file%%/src/test/java/*}"
    class="$(basename "$file" .java)"
    grep -A3 '@FuzzTest' "$file" | sed -n 's/^ *void \([A-Za-z0-9_]*\)(.*/\1/p' | while read -r method; do
      echo "$module $class#$method"
    done
  done
}

if [[ "$duration" == "--list" ]]; then
  targets
  exit 0
fi

mkdir -p target/fuzz-logs
failed=()
while read -r module test; do
  [[ "$module $test" =~ $filter ]] || continue
  log="target/fuzz-logs/${test//#/.}.log"
  echo "$(date -u +%H:%M:%S) fuzzing $module $test for $duration (log: $log)"
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" ./mvnw -o -q -pl "$module" -am test \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "  FINDING or build failure in $module $test: see $log"
    failed+=("$module $test")
  fi
done < <(targets)

if ((${#failed[@]})); then
  printf 'targets with findings:\n'
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "no findings"

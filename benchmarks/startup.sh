#!/usr/bin/env bash
# Start-up harness: wall and CPU time of short CLI commands, each as a ratio to `java -version`
# timed right before it in the same round, min / median / max over alternating rounds. The ratio
# columns are min / median / max of the per-round ratios.
#
#   ./mvnw -q -pl cli,benchmarks -am package -DskipTests
#   benchmarks/startup.sh [--runs N] [--small LEAVES] [--large LEAVES] [--cmd 'COMMAND PREFIX']...
#
# --cmd is how cexsafe is started (default: java -jar cli/target/cexsafe.jar); give it several
# times to compare builds or launchers under the same load: every round times each of them, in
# turn, after the same java -version (e.g. --cmd 'java -jar /tmp/before.jar' --cmd bin/cexsafe).
# The PoR trees are generated once (OKX v2 shape) under ${TMPDIR:-/tmp}/cexsafe-startup-trees.
# CPU is user + system time of the process and its threads, as bash's `time` reports it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=7
small=10000
large=1000000
cmds=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --small) small=$2; shift 2 ;;
    --large) large=$2; shift 2 ;;
    --cmd) cmds+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--small LEAVES] [--large LEAVES] [--cmd 'COMMAND PREFIX']" >&2; exit 2 ;;
  esac
done

[[ ${#cmds[@]} -gt 0 ]] || cmds=("java -jar $root/cli/target/cexsafe.jar")
bench_jar=$root/benchmarks/target/benchmarks.jar
for jar in "$bench_jar" "$root/cli/target/cexsafe.jar"; do
  [[ -f $jar ]] || { echo "missing $jar: run ./mvnw -q -pl cli,benchmarks -am package -DskipTests" >&2; exit 2; }
done

trees=${TMPDIR:-/tmp}/cexsafe-startup-trees
for leaves in "$small" "$large"; do
  if [[ ! -f $trees/$leaves/user.json ]]; then
    java -Xmx1500m -cp "$bench_jar" io.cexsafe.benchmarks.OkxTreeVerifyBenchmark generate "$trees/$leaves" "$leaves" >&2
  fi
done

# name|arguments (word-split; no argument holds a space)
commands=(
  "exchanges|exchanges"
  "methodology|methodology"
  "assess offline|assess crypto-com --offline --no-progress --as-of 2026-12-01"
  "compare 5 offline|compare crypto-com coinbase kraken binance okx --offline --no-progress --as-of 2026-12-01"
  "por verify $small|por verify $trees/$small/user.json $trees/$small/tree.txt"
  "por verify $large|por verify $trees/$large/user.json $trees/$large/tree.txt"
)

# prints "wall cpu" in seconds; fails when the command does
timed() {
  local TIMEFORMAT='%R %U %S' out
  out=$( { time "$@" >/dev/null 2>/tmp/cexsafe-startup.err; } 2>&1 ) || {
    echo "failed: $* ($(head -c 300 /tmp/cexsafe-startup.err))" >&2
    return 1
  }
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$out"
}

# one untimed run each: fills the file cache and lets the launcher train its archive
for ((c = 0; c < ${#cmds[@]}; c++)); do
  # shellcheck disable=SC2086
  timed ${cmds[$c]} exchanges >/dev/null
done

declare -A walls cpus ratios cpu_ratios
jv_walls=() jv_cpus=()
for ((round = 1; round <= runs; round++)); do
  for entry in "${commands[@]}"; do
    name=${entry%%|*}
    read -r -a args <<<"${entry#*|}"
    read -r jv_wall jv_cpu < <(timed java -version)
    jv_walls+=("$jv_wall") jv_cpus+=("$jv_cpu")
    for ((c = 0; c < ${#cmds[@]}; c++)); do
      # shellcheck disable=SC2086
      read -r wall cpu < <(timed ${cmds[$c]} "${args[@]}")
      walls[$c,$name]+="$wall "
      cpus[$c,$name]+="$cpu "
      ratios[$c,$name]+="$(awk -v a="$wall" -v b="$jv_wall" 'BEGIN { printf "%.1f", a / b }') "
      cpu_ratios[$c,$name]+="$(awk -v a="$cpu" -v b="$jv_cpu" 'BEGIN { printf "%.1f", a / b }') "
    done
  done
  echo "round $round of $runs done" >&2
done

# min / median / max of the numbers given
stats() {
  tr ' ' '\n' <<<"$*" | grep -v '^$' | sort -g |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
           printf "%s / %s / %s", v[1], m, v[NR] }'
}

echo "# $(date -u +%FT%TZ), $runs rounds, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(nproc) cores"
echo "# $(java -version 2>&1 | head -1)"
for ((c = 0; c < ${#cmds[@]}; c++)); do
  echo
  echo "cexsafe started as: \`${cmds[$c]}\`"
  echo
  echo "| command | wall s (min / median / max) | CPU s (min / median / max) | wall ÷ java -version | CPU ÷ java -version |"
  echo "|---|---|---|---|---|"
  echo "| java -version | $(stats "${jv_walls[@]}") | $(stats "${jv_cpus[@]}") | 1 | 1 |"
  for entry in "${commands[@]}"; do
    name=${entry%%|*}
    echo "| $name | $(stats ${walls[$c,$name]}) | $(stats ${cpus[$c,$name]}) | $(stats ${ratios[$c,$name]}) | $(stats ${cpu_ratios[$c,$name]}) |"
  done
done

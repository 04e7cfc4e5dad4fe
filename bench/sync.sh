#!/usr/bin/env bash
# Sync benchmark: `nnviz-onnx sync` on one Markdown file of 20 marked diagrams of small models (the README's model
# under three views, its functions export, and 16 models of the ONNX backend corpus that onnxruntime runs), with the default options
# (declared shapes plus one onnxruntime run per model). Three rows, median wall time (GNU time) of N runs, with its CPU time
# (user + system, the child processes included), which a loaded machine disturbs less:
#   sync of a file without any block (all 20 written), sync --check of the current file, and the same check with
#   --shapes declared on every marker (no onnxruntime run: the cost of reading and drawing alone).
# One JVM for the whole run; each model read (and run) once for all its markers; models drawn on all cores.
#
# Usage: bench/sync.sh [--runs N] [--out DIR]
#   --runs  runs per row (default 5)
#   --out   where the Markdown files are written (default target/bench/sync)
# Needs: JDK 17+, GNU time (/usr/bin/time), Debian's libonnx-testdata (the backend corpus).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
out="$root/target/bench/sync"
corpus=/usr/share/libonnx-testdata/data
gnu_time=/usr/bin/time

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/sync.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$gnu_time" ] || { echo "bench/sync.sh: needs GNU time at $gnu_time (apt-get install time)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench/sync.sh: needs the ONNX backend corpus in $corpus (apt-get install libonnx-testdata)" >&2; exit 1; }

mkdir -p "$out"
models=(
  "$root/testdata/nnviz_intro.onnx"
  "$root/testdata/nnviz_intro.onnx --no-fold"
  "$root/testdata/nnviz_intro.onnx --depth 1"
  "$root/testdata/nnviz_intro_functions.onnx"
)
# models onnxruntime runs (the corpus's oldest torch exports, opset 6, it no longer does)
for name in test_conv_with_strides_padding test_gemm_default_matrix_bias test_lstm_defaults test_gru_defaults \
    test_softmax_axis_1_expanded test_logsoftmax_axis_1_expanded test_layer_normalization_4d_axis1_expanded \
    test_layer_normalization_3d_axis1_epsilon_expanded test_hardswish_expanded test_celu_expanded \
    test_dynamicquantizelinear_expanded test_greater_equal_expanded test_mvn_expanded test_matmul_4d; do
  models+=("$corpus/node/$name/model.onnx")
done
for name in test_operator_conv test_operator_maxpool; do
  models+=("$corpus/pytorch-operator/$name/model.onnx")
done

# The document: a heading and a marker per model, no blocks yet ($1: options added to every marker).
document() {
  for model in "${models[@]}"; do
    printf '## %s\n\n<!-- nnviz-onnx %s%s -->\n\n' "$(basename "$(dirname "${model%% *}")")" "$model" "$1"
  done
}

# The median wall time in seconds of "$@", after $prepare (a command run before each timed run, untimed).
median_seconds() {
  local times=() i
  for ((i = 0; i < runs; i++)); do
    $prepare
    "$gnu_time" -f "%e s | %U %S" -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    times+=("$(awk -F' [|] ' '{ split($2, cpu, " "); printf "%s | %.2f s\n", $1, cpu[1] + cpu[2] }' "$out/time.txt")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

"$root/nnviz-onnx" --version >/dev/null # builds the jar and the launcher's archive on first use
document "" > "$out/empty.md"
document " --shapes declared" > "$out/declared.md"
cp "$out/empty.md" "$out/current.md"
"$root/nnviz-onnx" sync -q "$out/current.md" "$out/declared.md"
"$root/nnviz-onnx" sync --check -q "$out/current.md" "$out/declared.md" \
  || { echo "bench/sync.sh: a second sync still finds stale diagrams" >&2; exit 1; }

prepare="cp $out/empty.md $out/fresh.md"
fresh=$(median_seconds "$root/nnviz-onnx" sync -q "$out/fresh.md")
prepare=true
check=$(median_seconds "$root/nnviz-onnx" sync --check -q "$out/current.md")
declared=$(median_seconds "$root/nnviz-onnx" sync --check -q "$out/declared.md")

echo "| run (${#models[@]} diagrams, $(nproc) cores, median of $runs by wall time) | wall | CPU (user + system) |"
echo "|---|---|---|"
echo "| \`sync\`, every block written | ${fresh} |"
echo "| \`sync --check\`, every block current | ${check} |"
echo "| \`sync --check\`, \`--shapes declared\` on every marker | ${declared} |"

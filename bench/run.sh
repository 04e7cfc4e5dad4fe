#!/usr/bin/env bash
# Benchmark: nnviz-onnx against the seed's Python stack (onnx.load + networkx + DOT, bench/python_stack.py) on the
# same files, in one run. Reports wall time and peak resident memory (GNU time) and their ratios as a Markdown table,
# printed and written to OUT/results.md.
#
# Usage: bench/run.sh [--sizes "10k 100k 1M"] [--runs N] [--no-python] [--no-torch] [--out DIR]
#   --sizes      synthetic transformer-like models (SyntheticModel, weights as external data), by node count
#   --runs       runs per measurement; the median is reported (default 3)
#   --no-python  only nnviz-onnx;  --no-torch  skip resnet18 and vit_b_16 (exported with torch 1.13)
#   --out        where models, outputs and results go (default target/bench; models are kept for the next run)
# Needs: JDK 17+, GNU time (/usr/bin/time; Debian package time), and for the Python side /usr/bin/python3 with onnx
# and networkx (Debian python3-onnx, python3-networkx; python3-pygraphviz for NNViz's own DOT writer).
# NNVIZ_BENCH_CLASSPATH (tests): run nnviz-onnx and the generator from this class path instead of the launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="10k 100k 1M"
runs=3
use_python=1
use_torch=1
out="$root/target/bench"
python=/usr/bin/python3
gnu_time=/usr/bin/time

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-python) use_python=0; shift ;;
    --no-torch) use_torch=0; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$gnu_time" ] || { echo "bench/run.sh: needs GNU time at $gnu_time (apt-get install time)" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ -n "${NNVIZ_BENCH_CLASSPATH:-}" ]; then
  ours=(java -cp "$NNVIZ_BENCH_CLASSPATH" io.github.nnvizonnx.cli.Main)
  ours_label="java -cp \$NNVIZ_BENCH_CLASSPATH"
  classpath="$NNVIZ_BENCH_CLASSPATH"
else
  "$root/nnviz-onnx" --version >/dev/null # builds the jar and the class-data archive on first use
  if [ ! -f "$root/target/test-classes/io/github/nnvizonnx/bench/SyntheticModel.class" ]; then
    (cd "$root" && ./mvnw -q -B -DskipTests test-compile) >&2
  fi
  ours=("$root/nnviz-onnx")
  ours_label="./nnviz-onnx (its JVM settings and class-data archive)"
  classpath="$root/target/test-classes:$root/target/nnviz-onnx.jar"
fi

if [ "$use_python" = 1 ] && ! "$python" -c "import onnx, networkx" 2>/dev/null; then
  echo "bench/run.sh: $python has no onnx/networkx (apt-get install python3-onnx python3-networkx); Python side skipped" >&2
  use_python=0
fi

# ---- the models
models=()
for size in $sizes; do
  file="$out/bert-$size.onnx"
  if [ ! -f "$file" ]; then
    java -cp "$classpath" io.github.nnvizonnx.bench.SyntheticModel "$file" "$size" >&2
  fi
  models+=("$file")
done
if [ "$use_torch" = 1 ]; then
  if "$python" -c "import torch, torchvision" 2>/dev/null; then
    for name in resnet18 vit_b_16; do
      [ -f "$out/$name.onnx" ] || "$python" "$root/testdata/export_torchvision.py" "$name" "$out/$name.onnx" >&2
      models+=("$out/$name.onnx")
    done
  else
    echo "bench/run.sh: no torch for $python; resnet18 and vit_b_16 skipped" >&2
  fi
fi

# ---- measuring: "seconds MiB" (medians of --runs runs), or "failed"
measure() {
  local samples="$out/samples.txt"
  : > "$samples"
  for ((i = 0; i < runs; i++)); do
    if ! "$gnu_time" -f "%e %M" -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt"; then
      echo "bench/run.sh: failed: $* ($(tail -1 "$out/stderr.txt"))" >&2
      echo "failed"
      return
    fi
    tail -1 "$out/time.txt" >> "$samples"
  done
  local t m
  t=$(cut -d' ' -f1 "$samples" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  m=$(cut -d' ' -f2 "$samples" | sort -g | awk '{a[NR] = $1} END {printf "%.0f", a[int((NR + 1) / 2)] / 1024}')
  echo "$t $m"
}
cell() { [ "$1" = failed ] && echo "failed" || awk -v t="${1% *}" -v m="${1#* }" 'BEGIN {printf "%.2f s, %d MiB", t, m}'; }
ratio() { # python / ours, for time and memory
  if [ "$1" = failed ] || [ "$2" = failed ] || [ -z "$2" ]; then echo "–"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN {split(a, p, " "); split(b, o, " ");
    printf "%.1f× time, %.1f× memory", p[1] / (o[1] > 0 ? o[1] : 0.01), p[2] / o[2]}'
}

table="$out/results.md"
{
  echo "nnviz-onnx benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$(java -version 2>&1 | head -1); $("$python" --version 2>&1)$([ "$use_python" = 1 ] && "$python" -c \
    "import onnx, networkx; print(', onnx', onnx.__version__, ', networkx', networkx.__version__)" | tr -d '\n')"
  echo "median of $runs runs; ours: $ours_label; Python: bench/python_stack.py (NNViz's pipeline: onnx.load, networkx, collapse, DOT)"
  echo
  echo "ours: --shapes declared (the file's shapes, no model run: like the Python stack); the last column is the"
  echo "default command, which also runs the model once in onnxruntime (up to 20,000 operations) to measure every shape"
  echo
  echo "| model | operations | file | ours: Mermaid, collapsed | ours: DOT, every node | Python: DOT, collapsed (depth 2) | Python: DOT, every node | Python ÷ ours, collapsed | Python ÷ ours, every node | ours: default Mermaid (with onnxruntime run) |"
  echo "|---|---:|---:|---|---|---|---|---|---|---|"
} > "$table"

for file in "${models[@]}"; do
  name="$(basename "$file" .onnx)"
  echo "bench/run.sh: $name" >&2
  mermaid=$(measure "${ours[@]}" "$file" --shapes declared)
  operations=$(sed -n 's/.*: \([0-9]*\) operations.*/\1/p' "$out/stderr.txt" | head -1)
  dot=$(measure "${ours[@]}" "$file" --shapes declared --depth all --format dot -q)
  default=$(measure "${ours[@]}" "$file")
  if [ "$use_python" = 1 ]; then
    py_collapsed=$(measure "$python" "$root/bench/python_stack.py" "$file" /dev/null --depth 2)
    py_full=$(measure "$python" "$root/bench/python_stack.py" "$file" /dev/null --depth all)
  else
    py_collapsed=failed
    py_full=failed
  fi
  size=$(du -m --apparent-size "$file" | cut -f1)
  printf '| %s | %s | %s MB | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "${operations:-?}" "$size" \
    "$(cell "$mermaid")" "$(cell "$dot")" "$(cell "$py_collapsed")" "$(cell "$py_full")" \
    "$(ratio "$py_collapsed" "$mermaid")" "$(ratio "$py_full" "$dot")" "$(cell "$default")" >> "$table"
done

# What folding and the node budget cost: the default Mermaid (--depth auto, folds) against a fixed depth without
# folds (the default before them), on the synthetic models, whose identical layers all fold: the fold's worst case,
# every layer's canonical form built and compared.
{
  echo
  echo "Folding and the node budget (--shapes declared, Mermaid): the default against --depth 2 --no-fold"
  echo
  echo "| model | --depth 2 --no-fold | default (--depth auto, folds) | default ÷ fixed depth, time |"
  echo "|---|---|---|---|"
} >> "$table"
for file in "${models[@]}"; do
  name="$(basename "$file" .onnx)"
  [[ "$name" == bert-* ]] || continue
  fixed=$(measure "${ours[@]}" "$file" --shapes declared --depth 2 --no-fold -q)
  folded=$(measure "${ours[@]}" "$file" --shapes declared -q)
  printf '| %s | %s | %s | %s |\n' "$name" "$(cell "$fixed")" "$(cell "$folded")" \
    "$(ratio "$folded" "$fixed" | cut -d' ' -f1)" >> "$table"
done
cat "$table"

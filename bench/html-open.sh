#!/usr/bin/env bash
# Benchmark of the html format: for synthetic transformer-like models (SyntheticModel) and any ONNX files given,
# how long ./nnviz-onnx takes to write the page, how large the page is, and how long headless Chromium takes from
# navigation to the first drawing (as the page measures it; src/test/html/explore.mjs, every request blocked).
# Prints a Markdown table and writes it to OUT/html-results.md.
#
# Usage: bench/html-open.sh [--sizes "10k 100k 1M"] [--runs N] [--out DIR] [MODEL.onnx ...]
#   --sizes  synthetic models by operation count (kept in OUT for the next run); --sizes "" for none
#   --runs   page openings per model; the median is reported (default 3)
#   --out    where models, pages and results go (default target/bench)
# Needs: JDK 17+, node and npm (installs src/test/html's pinned playwright-core), /usr/bin/chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="10k 100k 1M"
runs=3
out="$root/target/bench"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "bench/html-open.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"$root/nnviz-onnx" --version >/dev/null # builds the jar on first use
if [ ! -f "$root/target/test-classes/io/github/nnvizonnx/bench/SyntheticModel.class" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests test-compile) >&2
fi
harness="$root/src/test/html"
[ -d "$harness/node_modules/playwright-core" ] || (cd "$harness" && npm ci --no-audit --no-fund >&2)

models=()
for size in $sizes; do
  file="$out/bert-$size.onnx"
  [ -f "$file" ] || java -cp "$root/target/test-classes:$root/target/nnviz-onnx.jar" \
    io.github.nnvizonnx.bench.SyntheticModel "$file" "$size" >&2
  models+=("$file")
done
models+=("${extra[@]}")

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

table="| model | operations | write page (s) | page size (MB) | first drawing in Chromium (s), median of $runs |
|---|---:|---:|---:|---:|"
for model in "${models[@]}"; do
  name="$(basename "$model" .onnx)"
  page="$out/$name.html"
  start=$(date +%s.%N)
  summary=$("$root/nnviz-onnx" "$model" -o "$page" 2>&1 | grep -E 'operations' | tail -1)
  write=$(echo "$(date +%s.%N) - $start" | bc)
  operations=$(echo "$summary" | sed -E 's/.*: ([0-9]+) operations.*/\1/')
  size=$(stat -c %s "$page")
  opens=()
  for _ in $(seq "$runs"); do
    opens+=("$(cd "$harness" && node explore.mjs "$page" --steps "" --timeout 600000 \
      | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["openMs"] / 1000 if r["ready"] and not r["pageErrors"] else "failed")')")
  done
  open=$(printf '%s\n' "${opens[@]}" | median)
  row=$(printf '| %s | %s | %.1f | %.1f | %s |' "$name" "$operations" "$write" "$(echo "$size / 1000000" | bc -l)" "$open")
  echo "$row" >&2
  table="$table
$row"
done
echo "$table" | tee "$out/html-results.md"

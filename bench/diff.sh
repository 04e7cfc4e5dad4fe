#!/usr/bin/env bash
# Benchmark of `nnviz-onnx diff`: two synthetic transformer-like models of about 100k operations each (SyntheticModel),
# the second with two dozen layers more and every tenth layer activated by a ReLU instead of the erf GELU (its
# 'variant' option), compared as written (modules matched by path, operations aligned per module) and read flat
# (--hierarchy flat: one sequence of 100k operations aligned at once, the worst case of the alignment).
# Reports the median wall time and CPU time (user + system, less sensitive to other load on the machine) of the whole
# command (both models read, compared, drawn to DOT) and, for scale, of drawing the new model alone.
#
# Usage: bench/diff.sh [--size 100k] [--runs N] [--out DIR]   (defaults: 100k, 3 runs, target/bench-diff)
# Needs: JDK 17+, GNU time (/usr/bin/time; Debian package time). The models are kept in DIR for the next run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=100k
runs=3
out="$root/target/bench-diff"
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench/diff.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/diff.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$out"
"$root/nnviz-onnx" --version >/dev/null # builds the jar on first use
if [ ! -f "$root/target/test-classes/io/github/nnvizonnx/bench/SyntheticModel.class" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests test-compile) >&2
fi
classpath="$root/target/test-classes:$root/target/nnviz-onnx.jar"
old="$out/old-$size.onnx"
new="$out/new-$size.onnx"
if [ ! -f "$old" ] || [ ! -f "$new" ]; then
  nodes=$(java -cp "$classpath" io.github.nnvizonnx.bench.SyntheticModel "$old" "$size" | sed 's/.* \([0-9]*\) nodes$/\1/')
  # the new model: 2% more operations, so two dozen layers more at 100k
  java -cp "$classpath" io.github.nnvizonnx.bench.SyntheticModel "$new" $(( nodes * 102 / 100 )) variant
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
report() { # label, command...: the medians of wall and CPU seconds over the runs
  local label="$1"; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt"
    read -r wall user system < "$out/time.txt"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
  done
  printf '| %s | %s s | %s s |\n' "$label" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)"
}

echo "| $size operations, median of $runs runs | wall time | CPU time |"
echo "|---|---:|---:|"
report "diff, modules matched" "$root/nnviz-onnx" diff "$old" "$new" --shapes declared -f dot -o "$out/diff.dot"
tail -1 "$out/stderr.txt" >&2
report "diff, --hierarchy flat" "$root/nnviz-onnx" diff "$old" "$new" --shapes declared --hierarchy flat -f dot \
  -o "$out/diff-flat.dot"
tail -1 "$out/stderr.txt" >&2
report "drawing the new model alone" "$root/nnviz-onnx" "$new" --shapes declared -f dot -o "$out/new.dot"

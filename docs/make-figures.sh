#!/usr/bin/env bash
# Regenerates the README's pictures from the tool itself:
#  - every ```mermaid block that follows a one-line ```sh block "./nnviz-onnx ARGS" is replaced by that command's output;
#  - docs/nnviz_intro.svg, docs/nnviz_intro_paper.svg and docs/nnviz_intro_slide.png are rendered by Graphviz through the tool.
# Needs Graphviz (dot) and a python3 for the README edit. ReadmeExamplesTest checks the Mermaid blocks stay true.
set -euo pipefail
cd "$(dirname "$0")/.."

./nnviz-onnx testdata/nnviz_intro.onnx -q --legend -o docs/nnviz_intro.svg
./nnviz-onnx testdata/nnviz_intro.onnx -q --theme paper --params -o docs/nnviz_intro_paper.svg
./nnviz-onnx testdata/nnviz_intro.onnx -q --direction LR --dpi 96 -o docs/nnviz_intro_slide.png

python3 - <<'PY'
import re, subprocess

readme = open("README.md", encoding="utf-8").read()
pattern = re.compile(r"(```sh\n\./nnviz-onnx ([^\n]*)\n```\n\n[^`]*?```mermaid\n)(.*?)(```)", re.S)

def redraw(match):
    args = match.group(2).split()
    out = subprocess.run(["./nnviz-onnx", *args, "-q"], check=True, capture_output=True, text=True).stdout
    return match.group(1) + out + match.group(4)

open("README.md", "w", encoding="utf-8").write(pattern.sub(redraw, readme))
PY
echo "docs/*.svg and README.md Mermaid blocks regenerated"

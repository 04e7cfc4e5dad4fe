/** LaTeX figures: TikZ pictures drawn at the positions Graphviz lays out ({@code --format tikz}). */
package io.github.nnvizonnx.emit.tikz;

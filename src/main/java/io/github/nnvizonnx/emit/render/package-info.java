/**
 * Graphviz's {@code dot}, which must be installed: the formats it draws (SVG, PDF, PNG; the DOT text is piped
 * through it) and the layout it computes for the formats that draw themselves ({@link
 * io.github.nnvizonnx.emit.render.GraphvizLayout}: TikZ, draw.io).
 */
package io.github.nnvizonnx.emit.render;

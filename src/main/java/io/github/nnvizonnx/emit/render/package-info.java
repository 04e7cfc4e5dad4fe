/**
 * Formats drawn by Graphviz's {@code dot} (SVG, PDF, PNG): the DOT text is piped through {@code dot}, which must be
 * installed.
 */
package io.github.nnvizonnx.emit.render;

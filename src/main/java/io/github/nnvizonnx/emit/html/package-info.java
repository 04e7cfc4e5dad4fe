/**
 * The {@code html} format: one offline page that explores the whole model, with its script, style and layout
 * library (dagre) inlined from the class path.
 */
package io.github.nnvizonnx.emit.html;

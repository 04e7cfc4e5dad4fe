/**
 * How diagrams look: {@link io.github.nnvizonnx.emit.style.Theme themes}, single
 * {@link io.github.nnvizonnx.emit.style.Style style} settings, and the op families nodes are coloured by.
 */
package io.github.nnvizonnx.emit.style;

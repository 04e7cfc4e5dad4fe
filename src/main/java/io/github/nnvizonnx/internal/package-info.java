/**
 * Not API. Helpers shared by several packages of nnviz-onnx, public only for that reason; they may change in any
 * release. Among them the small array structures that model, read and emit all use ({@link
 * io.github.nnvizonnx.internal.IntList}, {@link io.github.nnvizonnx.internal.Adjacency}), kept here in one place
 * rather than copied into each package.
 */
package io.github.nnvizonnx.internal;

/**
 * Not API. The only code that touches onnxruntime: loading its native library and running a model once to measure
 * every tensor. Loaded only in the run's own process ({@link io.github.nnvizonnx.shapes.ort.IsolatedRun}, started by
 * {@code shapes.child}), never in the process that draws.
 */
package io.github.nnvizonnx.shapes.ort;

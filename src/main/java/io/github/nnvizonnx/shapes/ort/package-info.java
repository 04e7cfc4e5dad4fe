/**
 * Not API. The only code that touches onnxruntime: loading its native library and running a model once to measure
 * every tensor. Loaded only when a shape run is asked for.
 */
package io.github.nnvizonnx.shapes.ort;

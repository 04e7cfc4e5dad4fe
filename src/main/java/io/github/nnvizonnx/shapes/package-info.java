/**
 * Tensor shapes: what the file declares, symbolic dims bound by the user, and one measured onnxruntime run
 * ({@link io.github.nnvizonnx.shapes.Shapes}). onnxruntime is optional: its classes load only when a run is asked for.
 */
package io.github.nnvizonnx.shapes;

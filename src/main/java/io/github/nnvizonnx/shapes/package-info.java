/**
 * Tensor shapes: what the file declares, symbolic dims bound by the user, and one measured onnxruntime run
 * ({@link io.github.nnvizonnx.shapes.Shapes}), made in a child process under the operating system's limits
 * ({@code shapes.child}). onnxruntime is optional: its classes load only in that process.
 */
package io.github.nnvizonnx.shapes;

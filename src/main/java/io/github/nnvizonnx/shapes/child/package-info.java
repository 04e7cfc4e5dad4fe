/**
 * Not API. The onnxruntime run's child process, seen from the process that draws: how it is started and limited
 * ({@link io.github.nnvizonnx.shapes.child.ChildCommand}), watched ({@link io.github.nnvizonnx.shapes.child.MemoryWatch}),
 * told its plan and read back ({@link io.github.nnvizonnx.shapes.child.RunProtocol}), and ended
 * ({@link io.github.nnvizonnx.shapes.child.ChildRunner}). No onnxruntime class is loaded here.
 */
package io.github.nnvizonnx.shapes.child;

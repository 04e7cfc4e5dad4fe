/**
 * Writing a {@link io.github.nnvizonnx.emit.Diagram} in an output format: one {@link io.github.nnvizonnx.emit.Emitter}
 * per format, found with {@link java.util.ServiceLoader} (a plug-in adds a format by listing its emitter in
 * {@code META-INF/services/io.github.nnvizonnx.emit.Emitter}).
 */
package io.github.nnvizonnx.emit;

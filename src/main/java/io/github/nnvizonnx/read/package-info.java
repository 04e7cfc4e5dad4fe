/**
 * Reading model files into a {@link io.github.nnvizonnx.model.ModelGraph}: ONNX ({@link
 * io.github.nnvizonnx.read.OnnxReader}, weights never loaded) or nnviz JSON ({@link
 * io.github.nnvizonnx.read.ModelReader} tells them apart).
 */
package io.github.nnvizonnx.read;

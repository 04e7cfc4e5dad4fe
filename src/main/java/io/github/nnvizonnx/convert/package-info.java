/**
 * Converters from a framework to ONNX: a {@link io.github.nnvizonnx.convert.Converter} runs the framework-side script
 * (under {@code converters/}) in a child process and returns an ONNX file, cached by what went into it.
 */
package io.github.nnvizonnx.convert;

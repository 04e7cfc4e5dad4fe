/**
 * The library's entry point: {@link io.github.nnvizonnx.api.Nnviz} walks the whole pipeline (read, shapes, view,
 * write) for one model in one request; {@link io.github.nnvizonnx.api.View} says how much to draw. Start here.
 */
package io.github.nnvizonnx.api;

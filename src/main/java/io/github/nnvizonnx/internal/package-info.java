/**
 * Not API. Helpers shared by several packages of nnviz-onnx, public only for that reason; they may change in any
 * release.
 */
package io.github.nnvizonnx.internal;

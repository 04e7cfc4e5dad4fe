/**
 * The model, independent of file formats: operations and tensors (a graph), the module tree, inputs and outputs,
 * parameters. Immutable once built; imports no protobuf, onnxruntime or Graphviz.
 */
package io.github.nnvizonnx.model;

/**
 * Diagrams generated into Markdown files: markers ({@code <!-- nnviz-onnx MODEL [OPTIONS] -->}), the fenced Mermaid
 * block that follows each, and the file rewritten with only those blocks changed. Knows Markdown, not models: what
 * goes into a block is given by the caller ({@code api.MarkdownSync}).
 */
package io.github.nnvizonnx.sync;

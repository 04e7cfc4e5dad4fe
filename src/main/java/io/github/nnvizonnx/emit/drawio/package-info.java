/** diagrams.net (draw.io) diagrams at the positions Graphviz lays out, module boxes as containers. */
package io.github.nnvizonnx.emit.drawio;

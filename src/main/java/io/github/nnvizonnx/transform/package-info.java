/**
 * Graph to graph passes that choose what is drawn: select a layer, hide clutter, collapse modules; {@link
 * io.github.nnvizonnx.transform.Views} applies them in order from {@link io.github.nnvizonnx.transform.ViewOptions}.
 */
package io.github.nnvizonnx.transform;

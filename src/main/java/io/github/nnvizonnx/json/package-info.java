/**
 * The JSON form of a model: every level and every tensor, written by the {@code json} format and read back, so that a
 * diagram can be drawn again from the JSON alone.
 */
package io.github.nnvizonnx.json;

package io.github.nnvizonnx.model;

/**
 * What flows along an edge: the tensor's name, its element type ({@code float32}, {@code int64}, ...; null when not
 * declared) and its shape (null when not declared).
 */
public record TensorInfo(String name, String elementType, Shape shape) {
    /** A tensor known by name only: no type, no shape. */
    public static TensorInfo named(String name) {
        return new TensorInfo(name, null, null);
    }

    /** The same tensor with another element type and shape. */
    public TensorInfo withType(String newElementType, Shape newShape) {
        return new TensorInfo(name, newElementType, newShape);
    }
}

package io.github.nnvizonnx.shapes;

/** The request does not fit the model: an input or a symbolic dim it names does not exist. A usage error. */
public class ShapeRequestException extends IllegalArgumentException {
    /** A request the model cannot satisfy, and why (a usage error). */
    public ShapeRequestException(String message) {
        super(message);
    }
}

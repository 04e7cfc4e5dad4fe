package io.github.nnvizonnx.shapes;

/** The model cannot be measured; the message says why in words for a one-line warning. */
public class ShapeRunException extends Exception {
    /** A run that could not be made, and why. */
    public ShapeRunException(String message) {
        super(message);
    }

    /** A run that could not be made, why, and the underlying error. */
    public ShapeRunException(String message, Throwable cause) {
        super(message, cause);
    }
}

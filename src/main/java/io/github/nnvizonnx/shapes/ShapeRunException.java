package io.github.nnvizonnx.shapes;

/** The model cannot be measured; the message says why in words for a one-line warning. */
public class ShapeRunException extends Exception {
    public ShapeRunException(String message) {
        super(message);
    }

    public ShapeRunException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.nnvizonnx.read;

/** The input is not a model we can read; the message is one line meant for the user. */
public class InvalidModelException extends RuntimeException {
    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

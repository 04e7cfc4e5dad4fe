package io.github.nnvizonnx.read;

/** The input is not a model we can read; the message is one line meant for the user. */
public class InvalidModelException extends RuntimeException {
    /** A file that is not a readable model, and why (one line for the user). */
    public InvalidModelException(String message) {
        super(message);
    }

    /** A file that is not a readable model, why, and the underlying error. */
    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.nnvizonnx.json;

/** A JSON file that is not a model this version can read; the message is one line for the user. */
public class JsonModelException extends RuntimeException {
    /** JSON that is not a model, and why. */
    public JsonModelException(String message) {
        super(message);
    }

    /** JSON that is not a model, why, and the parser's error. */
    public JsonModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

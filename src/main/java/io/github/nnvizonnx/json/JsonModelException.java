package io.github.nnvizonnx.json;

/** A JSON file that is not a model this version can read; the message is one line for the user. */
public class JsonModelException extends RuntimeException {
    public JsonModelException(String message) {
        super(message);
    }

    public JsonModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.nnvizonnx.transform;

/** A module path given by the user names no module of the model. */
public class UnknownModuleException extends RuntimeException {
    public UnknownModuleException(String message) {
        super(message);
    }
}

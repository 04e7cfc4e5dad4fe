package io.github.nnvizonnx.transform;

/** A module path given by the user names no module of the model. */
public class UnknownModuleException extends RuntimeException {
    /** A module path the model lacks, with the message for the user. */
    public UnknownModuleException(String message) {
        super(message);
    }
}

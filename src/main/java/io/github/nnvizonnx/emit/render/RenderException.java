package io.github.nnvizonnx.emit.render;

/** Rendering failed for a reason the user can act on; the message is one line. */
public class RenderException extends RuntimeException {
    /** A failure to render, with {@code message} for the user. */
    public RenderException(String message) {
        super(message);
    }

    /** A failure to render, with {@code message} for the user and its cause. */
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}

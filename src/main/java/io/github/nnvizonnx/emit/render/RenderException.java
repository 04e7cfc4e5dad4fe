package io.github.nnvizonnx.emit.render;

/** Rendering failed for a reason the user can act on; the message is one line. */
public class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.nnvizonnx.sync;

/** A marker that cannot be used as written, with the line it is on (from 1). */
public final class MarkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    MarkerException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The line of the marker, from 1. */
    public int line() {
        return line;
    }
}

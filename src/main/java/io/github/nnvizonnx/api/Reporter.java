package io.github.nnvizonnx.api;

/**
 * Receives what the pipeline has to tell while it works; every method does nothing unless overridden. Lines carry no
 * program-name prefix: a command line adds its own.
 */
public interface Reporter {
    /** Reports nothing. */
    Reporter SILENT = new Reporter() {
    };

    /** Progress of a slow step: a conversion started, a long onnxruntime run. */
    default void status(String line) {
    }

    /** Something the diagram does not show as the user may expect (shapes only declared, a limit exceeded). */
    default void warning(String line) {
    }

    /** Information about a step that went well (an input filled with defaults, say). */
    default void note(String line) {
    }
}

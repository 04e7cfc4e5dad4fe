package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.util.List;

/**
 * Writes a diagram in one output format. Implementations are found with {@link java.util.ServiceLoader}: adding a
 * format is one class plus one line in {@code META-INF/services/io.github.nnvizonnx.emit.Emitter}.
 */
public interface Emitter {
    /** The name {@code --format} takes, e.g. {@code mermaid}. */
    String format();

    /** One line for {@code --help}. */
    String description();

    /** File extensions, with the dot, that select this format for {@code -o}. */
    List<String> fileExtensions();

    void write(Diagram diagram, Appendable out) throws IOException;
}

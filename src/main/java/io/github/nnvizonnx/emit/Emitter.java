package io.github.nnvizonnx.emit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    /** Writes {@code diagram} in this format as text to {@code out}; never changes the diagram. */
    void write(Diagram diagram, Appendable out) throws IOException;

    /**
     * Writes the diagram as bytes: text formats as UTF-8, rendered formats (PDF, PNG) as they come. This is what the
     * command line uses for files and stdout.
     */
    default void writeBytes(Diagram diagram, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(diagram, writer);
        writer.flush();
    }
}

package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.model.DisplayText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one way text reaches stderr: each line is made printable ({@link DisplayText#printable}: a model's names can
 * hold terminal escape sequences, which would retitle or clear the user's terminal) and at most {@link #MAX_LINE}
 * characters (a 10 MB name would otherwise be a 10 MB line), whatever printed it: an error, a warning quoting a
 * node, an onnxruntime message, a JSON file's {@code info.source}. Lines are written out as they end.
 */
final class StderrLines extends Writer {
    /** The longest line printed; longer ones lose their middle. */
    static final int MAX_LINE = 400;

    private final Writer target;
    /** The line so far, up to {@link #KEPT}; then its last characters in {@link #tail}. */
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private static final int KEPT = 4 * MAX_LINE;

    private StderrLines(Writer target) {
        this.target = target;
    }

    /** A writer of lines on {@code target}, flushed at each line's end. */
    static PrintWriter over(Writer target) {
        return new PrintWriter(new StderrLines(target), true);
    }

    /**
     * A PrintStream writing through the same rules, to stand in for {@link System#err}: what a library prints there
     * itself (Graphviz's warnings, say) is made printable too. Bytes are decoded with {@code charset} a line at a time.
     */
    static java.io.PrintStream printStream(Writer target, java.nio.charset.Charset charset) {
        PrintWriter lines = over(target);
        java.io.OutputStream bytes = new java.io.OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            @Override
            public void flush() {
                lines.print(line.toString(charset));
                lines.flush();
                line.reset();
            }
        };
        return new java.io.PrintStream(bytes, true, charset);
    }

    /** {@code text} as {@link StderrLines} prints one line of it: printable, and at most {@link #MAX_LINE} long. */
    static String clean(String text) {
        return DisplayText.clipMiddle(DisplayText.printable(text), MAX_LINE);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws java.io.IOException {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                endLine();
            } else if (line.length() < KEPT) {
                line.append(chars[i]);
            } else { // the middle of a huge line is cut anyway: keep its end only
                tail.append(chars[i]);
                if (tail.length() > 2 * KEPT) {
                    tail.delete(0, tail.length() - KEPT);
                }
            }
        }
    }

    private void endLine() throws java.io.IOException {
        if (!tail.isEmpty()) {
            line.append('…').append(tail);
            tail.setLength(0);
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1); // a CRLF line end
        }
        writeLine();
        target.write('\n');
        target.flush();
    }

    private void writeLine() throws java.io.IOException {
        target.write(clean(tail.isEmpty() ? line.toString() : line + "…" + tail));
        line.setLength(0);
        tail.setLength(0);
    }

    /** A line not ended yet is written as it is so far (a prompt, a last line without its newline). */
    @Override
    public void flush() throws java.io.IOException {
        if (line.length() > 0) {
            writeLine();
        }
        target.flush();
    }

    @Override
    public void close() throws java.io.IOException {
        flush();
        target.close();
    }
}

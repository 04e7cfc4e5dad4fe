package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.io.Writer;

/** An Appendable (a StringBuilder, the destination) as the Writer that streaming writers (JSON, XML) write to. */
public final class AppendableWriter extends Writer {
    private final Appendable target;

    private AppendableWriter(Appendable target) {
        this.target = target;
    }

    /** {@code target} itself when it is a Writer already. */
    public static Writer of(Appendable target) {
        return target instanceof Writer w ? w : new AppendableWriter(target);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        target.append(java.nio.CharBuffer.wrap(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        target.append(text, offset, offset + length);
    }

    @Override
    public void flush() {
        // nothing buffered here; the target's owner flushes it
    }

    @Override
    public void close() {
        // the target belongs to the caller
    }
}

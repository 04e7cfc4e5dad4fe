package io.github.nnvizonnx.internal.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on to the real destination and turns its failures into {@link OutputFailure}s naming it, so that an
 * emitter's own errors and a full disk or closed pipe can be told apart and reported as what they are.
 */
public final class DestinationStream extends FilterOutputStream {
    private interface Step {
        void run() throws IOException;
    }

    private final String destination;

    public DestinationStream(OutputStream out, String destination) {
        super(out);
        this.destination = destination;
    }

    @Override
    public void write(int b) throws IOException {
        named(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        named(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
        named(out::flush);
    }

    @Override
    public void close() throws IOException {
        named(out::close);
    }

    private void named(Step step) throws IOException {
        try {
            step.run();
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException e) {
            throw new OutputFailure(destination, e);
        }
    }
}

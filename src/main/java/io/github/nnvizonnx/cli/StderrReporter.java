package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Reporter;
import java.io.PrintWriter;

/** What the pipeline reports, as lines on stderr: warnings always, status and notes unless {@code --quiet}. */
final class StderrReporter implements Reporter {
    private final PrintWriter err;
    private final boolean quiet;

    StderrReporter(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void status(String line) {
        if (!quiet) {
            print("nnviz-onnx: " + line);
        }
    }

    @Override
    public void warning(String line) {
        print("nnviz-onnx: warning: " + ErrorHandlers.oneLine(line));
    }

    @Override
    public void note(String line) {
        if (!quiet) {
            print("nnviz-onnx: " + ErrorHandlers.oneLine(line));
        }
    }

    private void print(String line) {
        err.println(line);
        err.flush();
    }
}

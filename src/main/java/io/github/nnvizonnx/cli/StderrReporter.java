package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Reporter;
import java.io.PrintWriter;

/** What the pipeline reports, as lines on stderr: warnings always, status and notes unless {@code --quiet}. */
final class StderrReporter implements Reporter {
    private final PrintWriter err;
    private final boolean quiet;
    /** What each line is about, when one command draws several diagrams ({@code README.md:12: }); else empty. */
    private final String context;

    StderrReporter(PrintWriter err, boolean quiet) {
        this(err, quiet, "");
    }

    StderrReporter(PrintWriter err, boolean quiet, String context) {
        this.err = err;
        this.quiet = quiet;
        this.context = context;
    }

    @Override
    public void status(String line) {
        if (!quiet) {
            print("nnviz-onnx: " + context + line);
        }
    }

    @Override
    public void warning(String line) {
        print("nnviz-onnx: warning: " + context + ErrorHandlers.oneLine(line));
    }

    @Override
    public void note(String line) {
        if (!quiet) {
            print("nnviz-onnx: " + context + ErrorHandlers.oneLine(line));
        }
    }

    private void print(String line) {
        err.println(line);
        err.flush();
    }
}

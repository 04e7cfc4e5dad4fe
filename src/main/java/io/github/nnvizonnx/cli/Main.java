package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.read.OnnxReader;
import picocli.CommandLine;

/** Entry point of the command line tool. */
public final class Main {
    private Main() {
    }

    /** Runs the command line tool and exits with its code. */
    public static void main(String[] args) {
        // what libraries print on System.err themselves goes through the same rules as our own lines
        System.setErr(StderrLines.printStream(stderr(), java.nio.charset.Charset.defaultCharset()));
        for (String arg : args) {
            if (arg.endsWith(".onnx")) { // a model to read: its schema is built while picocli reads its annotations
                OnnxReader.prepareInBackground();
                break;
            }
        }
        try {
            System.exit(run(args));
        } catch (OutOfMemoryError e) {
            // a graph of millions of nodes can outgrow the default heap; say how to give it more
            StderrLines.over(stderr()).println("nnviz-onnx: out of memory (" + e.getMessage() + "); give Java more,"
                    + " e.g. NNVIZ_JAVA_OPTS=-Xmx8g ./nnviz-onnx ...");
            System.exit(1);
        }
    }

    /** The process's own stderr, before {@link #main} puts {@link StderrLines} in front of it. */
    private static final java.io.PrintStream RAW_STDERR = System.err;

    /** The process's stderr, as text in the default encoding (as picocli writes it). */
    static java.io.Writer stderr() {
        return new java.io.OutputStreamWriter(RAW_STDERR, java.nio.charset.Charset.defaultCharset());
    }

    /**
     * Runs the command and returns its exit code: 0 success, 1 bad input, 2 usage error, 141 when the reader of
     * standard output went away (a pipe into {@code head}). A model too big for the
     * heap, or nested too deep for the stack, is bad input too: one line, not the JVM's stack trace (picocli's
     * handlers only see exceptions, and these are errors).
     */
    public static int run(String... args) {
        CommandLine cl = NnvizCommand.commandLine();
        try {
            int code = cl.execute(args);
            // help and version text go through System.out, a PrintStream that only records its failures
            if (code == 0 && (cl.getOut().checkError() || System.out.checkError())) {
                ErrorHandlers.printError(cl, "cannot write to standard output");
                return ErrorHandlers.BAD_INPUT;
            }
            return code;
        } catch (OutOfMemoryError e) {
            ErrorHandlers.printError(cl, "out of memory: the model is too large for this Java heap"
                    + " (give it more, e.g. NNVIZ_JAVA_OPTS=-Xmx8g)");
        } catch (StackOverflowError e) {
            ErrorHandlers.printError(cl, "the model is nested too deeply to draw");
        }
        return ErrorHandlers.BAD_INPUT;
    }
}

package io.github.nnvizonnx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line tool, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        CommandLine cl = NnvizCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Exactly one line on stderr, ours, with no stack trace in it. */
    boolean errorIsOneLine() {
        return err.lines().count() == 1 && err.startsWith("nnviz-onnx: ") && !err.contains("\tat ");
    }
}

package io.github.nnvizonnx.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One run of the command line in-process: its exit code and what it printed. */
record CommandRun(int code, String out, String err) {
    /** {@code out} holds the diagram (written as bytes) followed by anything picocli printed (help, version). */
    static CommandRun of(String... args) {
        ByteArrayOutputStream diagram = new ByteArrayOutputStream();
        CommandRun run = writingTo(diagram, args);
        return new CommandRun(run.code, diagram.toString(StandardCharsets.UTF_8) + run.out, run.err);
    }

    /** The diagram goes to {@code stdout}; {@code out} holds only what picocli printed. */
    static CommandRun writingTo(OutputStream stdout, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NnvizCommand.commandLine(stdout, err);
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
